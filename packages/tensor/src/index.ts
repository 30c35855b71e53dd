export { zeros } from "./zeros.js";
