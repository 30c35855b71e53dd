/** The text of src/hw1/assignment-yaml.ts for examples/hw1/assignment.yaml's text. */
export function embedHw1(yaml: string): string;
