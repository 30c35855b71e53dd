// Homework 1's content that other programs compute with: the 2.1 network and the matrix chains of
// 2.2–2.4. A light entry point (`@nnkit/grading/hw1`): it loads autodiff, cost and tensor only,
// not the grader's math parser, so the terminal app can draw these on its render thread.
export { hessian, hessianHalf, homeworkChains, tradeOff, vectorHessianProduct } from "./chains.js";
export { type Hw1Parameters, hw1Example, hw1Network } from "./network.js";
