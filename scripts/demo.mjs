// The README's main command for now: a short tour of @nnkit/tensor (built output, as users get it).
const nd = await import("@nnkit/tensor");
console.log("nnkit demo: @nnkit/tensor", Object.keys(nd).length, "exports");
