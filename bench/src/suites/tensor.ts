import { zeros } from "@nnkit/tensor";
import type { BenchSuite } from "../harness.js";

const suite: BenchSuite = {
  name: "@nnkit/tensor",
  cases: () => [
    {
      name: "zeros 10^6",
      nnkit: () => zeros(1e6),
      peerName: "Float64Array",
      peer: () => new Float64Array(1e6),
    },
  ],
};
export default suite;
