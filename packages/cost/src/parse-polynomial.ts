import { CostError } from "./errors.js";
import { Polynomial } from "./polynomial.js";

/**
 * Reads a small polynomial expression: integers and decimals, variable names, + - * / ^ and
 * parentheses, e.g. `2*n^2 + n*m` or `(n + 1)(m - n)`. A product needs `*` between two names
 * (`nm` is one variable called nm); juxtaposition works after a number or around parentheses.
 * Division only by constants. Meant for regions and tests, not for student answers (grading
 * parses those itself and builds polynomials with the constructors).
 */
export function parsePolynomial(text: string, op = "parsePolynomial"): Polynomial {
  const parser = new Parser(text, op);
  const result = parser.sum();
  parser.expectEnd();
  return result;
}

const TOKEN = /\s*(\d+(?:\.\d+)?|\p{L}[\p{L}\p{N}_']*|\*\*|[-+*/^()])/uy;

class Parser {
  private readonly tokens: string[] = [];
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly op: string,
  ) {
    let index = 0;
    while (text.slice(index).trim() !== "") {
      TOKEN.lastIndex = index;
      const match = TOKEN.exec(text);
      if (match === null) this.fail(`unexpected ${JSON.stringify(text.slice(index).trim())}`);
      this.tokens.push(match[1]!);
      index = TOKEN.lastIndex;
    }
  }

  sum(): Polynomial {
    let result = this.signedProduct();
    for (let next = this.peek(); next === "+" || next === "-"; next = this.peek()) {
      this.position++;
      const term = this.product();
      result = next === "+" ? result.add(term) : result.sub(term);
    }
    return result;
  }

  expectEnd(): void {
    if (this.position < this.tokens.length) this.fail(`unexpected "${this.peek()}"`);
  }

  private signedProduct(): Polynomial {
    if (this.peek() === "-") {
      this.position++;
      return this.product().neg();
    }
    return this.product();
  }

  private product(): Polynomial {
    let result = this.power();
    for (;;) {
      const next = this.peek();
      if (next === "*" || next === "/") {
        this.position++;
        const factor = this.power();
        result = next === "*" ? result.mul(factor) : this.divide(result, factor);
      } else if (next !== undefined && next !== ")" && !"+-^/**".includes(next)) {
        result = result.mul(this.power()); // juxtaposition: 2n, (n + 1)(m - n)
      } else {
        return result;
      }
    }
  }

  private power(): Polynomial {
    const base = this.atom();
    const next = this.peek();
    if (next !== "^" && next !== "**") return base;
    this.position++;
    const exponent = this.atom();
    if (!exponent.isConstant() || !exponent.constantTerm().isInteger()) {
      this.fail("an exponent must be a non-negative integer");
    }
    return base.pow(exponent.constantTerm().toNumber());
  }

  private atom(): Polynomial {
    const token = this.tokens[this.position++];
    if (token === undefined) this.fail("unexpected end");
    if (token === "(") {
      const inner = this.sum();
      if (this.tokens[this.position++] !== ")") this.fail("missing )");
      return inner;
    }
    if (/^\d/.test(token)) return Polynomial.constant(Number(token));
    if (/^\p{L}/u.test(token)) return Polynomial.variable(token);
    return this.fail(`unexpected "${token}"`);
  }

  private divide(numerator: Polynomial, divisor: Polynomial): Polynomial {
    if (!divisor.isConstant()) this.fail(`cannot divide by ${divisor}`);
    return numerator.div(divisor);
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }

  private fail(detail: string): never {
    throw new CostError(this.op, "argument", `${detail} in ${JSON.stringify(this.text)}`);
  }
}
