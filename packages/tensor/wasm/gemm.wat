;; The float64 matrix-multiply micro-kernel of @nnkit/tensor, in WebAssembly SIMD (f64x2), and the
;; routines that pack its panels (`packA`, `packB`, at the end).
;; Built into src/kernels/gemm-wasm-binary.ts by `pnpm --filter @nnkit/tensor build:wasm`
;; (scripts/build-wasm.mjs); a test checks that the committed binary is this file's build.
;;
;; `block` computes C (+)= Ã·B̃ for one packed block, the layout kernels/wasm-kernel.ts writes:
;;   Ã: mStrips strips of 4 rows, each depth-major (for p in 0..kc: a[r0][p] a[r1][p] a[r2][p] a[r3][p]);
;;   B̃: nStrips strips of 4 columns, each depth-major, every column pair also stored swapped
;;      (for p: b[p][c0] b[p][c1] b[p][c2] b[p][c3]  b[p][c1] b[p][c0] b[p][c3] b[p][c2]);
;;   C: row-major (4·mStrips)×(4·nStrips), `ldc` bytes per row; each 4×4 tile is overwritten
;;      (accumulate = 0) or added to (accumulate = 1).
;; Why the swapped copy: a 2×2 block of C is two vectors of products, (a0·b0, a1·b1) and
;; (a0·b1, a1·b0), so one vector load of A's pair and one of each B order give all four products
;; without splatting A. Loads into vector registers, not arithmetic, bound this kernel on the
;; machines measured (V8 allots 15 of x64's 16 vector registers, which caps the tile at 4×4 with
;; separate multiply and add): 2 + 4 loads per 8 multiplies and 8 adds, against 2 + 4 splats in
;; the plain layout, which splat-load from memory (and V8 11.3 adds an address `lea` before each
;; splat-load with an offset, so 4 more instructions a depth step). Each sum still adds its products in depth order,
;; so every entry is bit-identical to the JavaScript kernel's.
;; The 8 accumulators: $dRC holds (C[2R][2C], C[2R+1][2C+1]) and $sRC (C[2R][2C+1], C[2R+1][2C]),
;; R the row pair, C the column pair of the tile.
(module
  (memory (export "memory") 1)
  (func (export "block")
    (param $mStrips i32) (param $nStrips i32) (param $kc i32)
    (param $a i32) (param $b i32) (param $c i32) (param $ldc i32) (param $accumulate i32)
    (local $js i32) (local $is i32) (local $p i32)
    (local $ap i32) (local $bp i32) (local $cp i32) (local $bStrip i32)
    (local $aStripBytes i32) (local $bStripBytes i32)
    (local $d00 v128) (local $s00 v128) (local $d01 v128) (local $s01 v128)
    (local $d10 v128) (local $s10 v128) (local $d11 v128) (local $s11 v128)
    (local $a0 v128) (local $a1 v128) (local $y v128) (local $left v128) (local $right v128)
    (local.set $aStripBytes (i32.mul (local.get $kc) (i32.const 32)))
    (local.set $bStripBytes (i32.mul (local.get $kc) (i32.const 64)))
    (local.set $bStrip (local.get $b))
    (local.set $js (i32.const 0))
    (block $columnsDone (loop $columns
      (br_if $columnsDone (i32.ge_u (local.get $js) (local.get $nStrips)))
      (local.set $is (i32.const 0))
      (block $rowsDone (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $is) (local.get $mStrips)))
        (local.set $ap (i32.add (local.get $a) (i32.mul (local.get $is) (local.get $aStripBytes))))
        (local.set $bp (local.get $bStrip))
        (local.set $d00 (v128.const i64x2 0 0)) (local.set $s00 (v128.const i64x2 0 0))
        (local.set $d01 (v128.const i64x2 0 0)) (local.set $s01 (v128.const i64x2 0 0))
        (local.set $d10 (v128.const i64x2 0 0)) (local.set $s10 (v128.const i64x2 0 0))
        (local.set $d11 (v128.const i64x2 0 0)) (local.set $s11 (v128.const i64x2 0 0))
        ;; Four depth steps a pass: one interrupt check and one set of pointer updates per 32 vector
        ;; operations, not per 8 or 16. The exit test before each step is not only for kc mod 4: it
        ;; keeps TurboFan from hoisting all 24 loads of a pass to its top, which spills most of the
        ;; accumulators to the stack (measured: a third slower than no unrolling).
        (local.set $p (local.get $kc))
        (block $depthDone (loop $depth
          (br_if $depthDone (i32.eqz (local.get $p)))
          (local.set $a0 (v128.load offset=0 (local.get $ap)))
          (local.set $a1 (v128.load offset=16 (local.get $ap)))
          (local.set $y (v128.load offset=0 (local.get $bp)))
          (local.set $d00 (f64x2.add (local.get $d00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d10 (f64x2.add (local.get $d10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=16 (local.get $bp)))
          (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d11 (f64x2.add (local.get $d11) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=32 (local.get $bp)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=48 (local.get $bp)))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $a1) (local.get $y))))
          (br_if $depthDone (i32.le_u (local.get $p) (i32.const 1)))
          (local.set $a0 (v128.load offset=32 (local.get $ap)))
          (local.set $a1 (v128.load offset=48 (local.get $ap)))
          (local.set $y (v128.load offset=64 (local.get $bp)))
          (local.set $d00 (f64x2.add (local.get $d00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d10 (f64x2.add (local.get $d10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=80 (local.get $bp)))
          (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d11 (f64x2.add (local.get $d11) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=96 (local.get $bp)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=112 (local.get $bp)))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $a1) (local.get $y))))
          (br_if $depthDone (i32.le_u (local.get $p) (i32.const 2)))
          (local.set $a0 (v128.load offset=64 (local.get $ap)))
          (local.set $a1 (v128.load offset=80 (local.get $ap)))
          (local.set $y (v128.load offset=128 (local.get $bp)))
          (local.set $d00 (f64x2.add (local.get $d00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d10 (f64x2.add (local.get $d10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=144 (local.get $bp)))
          (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d11 (f64x2.add (local.get $d11) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=160 (local.get $bp)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=176 (local.get $bp)))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $a1) (local.get $y))))
          (br_if $depthDone (i32.le_u (local.get $p) (i32.const 3)))
          (local.set $a0 (v128.load offset=96 (local.get $ap)))
          (local.set $a1 (v128.load offset=112 (local.get $ap)))
          (local.set $y (v128.load offset=192 (local.get $bp)))
          (local.set $d00 (f64x2.add (local.get $d00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d10 (f64x2.add (local.get $d10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=208 (local.get $bp)))
          (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $d11 (f64x2.add (local.get $d11) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=224 (local.get $bp)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $y (v128.load offset=240 (local.get $bp)))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $a0) (local.get $y))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $a1) (local.get $y))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 128)))
          (local.set $bp (i32.add (local.get $bp) (i32.const 256)))
          (local.set $p (i32.sub (local.get $p) (i32.const 4)))
          (br $depth)))
        ;; The tile's rows from the accumulators, stored (or added) at C[4·is][4·js].
        (local.set $cp (i32.add (local.get $c)
          (i32.add (i32.mul (i32.mul (local.get $is) (i32.const 4)) (local.get $ldc))
                   (i32.mul (local.get $js) (i32.const 32)))))
        ;; Row 0 is (d.lane0, s.lane0) per column pair, row 1 (s.lane1, d.lane1); rows 2, 3 likewise.
        (local.set $left (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $d00) (local.get $s00)))
        (local.set $right (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $d01) (local.get $s01)))
        (if (local.get $accumulate) (then
          (local.set $left (f64x2.add (v128.load offset=0 (local.get $cp)) (local.get $left)))
          (local.set $right (f64x2.add (v128.load offset=16 (local.get $cp)) (local.get $right)))))
        (v128.store offset=0 (local.get $cp) (local.get $left))
        (v128.store offset=16 (local.get $cp) (local.get $right))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (local.set $left (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $s00) (local.get $d00)))
        (local.set $right (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $s01) (local.get $d01)))
        (if (local.get $accumulate) (then
          (local.set $left (f64x2.add (v128.load offset=0 (local.get $cp)) (local.get $left)))
          (local.set $right (f64x2.add (v128.load offset=16 (local.get $cp)) (local.get $right)))))
        (v128.store offset=0 (local.get $cp) (local.get $left))
        (v128.store offset=16 (local.get $cp) (local.get $right))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (local.set $left (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $d10) (local.get $s10)))
        (local.set $right (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $d11) (local.get $s11)))
        (if (local.get $accumulate) (then
          (local.set $left (f64x2.add (v128.load offset=0 (local.get $cp)) (local.get $left)))
          (local.set $right (f64x2.add (v128.load offset=16 (local.get $cp)) (local.get $right)))))
        (v128.store offset=0 (local.get $cp) (local.get $left))
        (v128.store offset=16 (local.get $cp) (local.get $right))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (local.set $left (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $s10) (local.get $d10)))
        (local.set $right (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $s11) (local.get $d11)))
        (if (local.get $accumulate) (then
          (local.set $left (f64x2.add (v128.load offset=0 (local.get $cp)) (local.get $left)))
          (local.set $right (f64x2.add (v128.load offset=16 (local.get $cp)) (local.get $right)))))
        (v128.store offset=0 (local.get $cp) (local.get $left))
        (v128.store offset=16 (local.get $cp) (local.get $right))
        (local.set $is (i32.add (local.get $is) (i32.const 1)))
        (br $rows)))
      (local.set $bStrip (i32.add (local.get $bStrip) (local.get $bStripBytes)))
      (local.set $js (i32.add (local.get $js) (i32.const 1)))
      (br $columns))))
;; `packA` and `packB` write Ã and B̃ from row-major copies of A's and B's blocks that the caller
;; has put in this memory (one memcpy per row from the JavaScript array, or one per block), with
;; vector loads and shuffles instead of one JavaScript element access per entry.
;; packA: rows r of the block at src + r·ld bytes, 4·mStrips of them (rows past the matrix zeroed
;; by the caller), kc doubles each; strip i goes to dst + i·kc·32. Two depth steps at a time:
;; four row pairs (a[r][p], a[r][p+1]) become (a[r0][p], a[r1][p]) (a[r2][p], a[r3][p]) and the
;; same for p+1.
  (func (export "packA")
    (param $src i32) (param $ld i32) (param $mStrips i32) (param $kc i32) (param $dst i32)
    (local $is i32) (local $p i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $out i32) (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local.set $out (local.get $dst))
    (local.set $is (i32.const 0))
    (block $stripsDone (loop $strips
      (br_if $stripsDone (i32.ge_u (local.get $is) (local.get $mStrips)))
      (local.set $r0 (i32.add (local.get $src) (i32.mul (i32.mul (local.get $is) (i32.const 4)) (local.get $ld))))
      (local.set $r1 (i32.add (local.get $r0) (local.get $ld)))
      (local.set $r2 (i32.add (local.get $r1) (local.get $ld)))
      (local.set $r3 (i32.add (local.get $r2) (local.get $ld)))
      (local.set $p (local.get $kc))
      (block $pairsDone (loop $pairs
        (br_if $pairsDone (i32.lt_u (local.get $p) (i32.const 2)))
        (local.set $x0 (v128.load (local.get $r0)))
        (local.set $x1 (v128.load (local.get $r1)))
        (local.set $x2 (v128.load (local.get $r2)))
        (local.set $x3 (v128.load (local.get $r3)))
        (v128.store offset=0 (local.get $out)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1)))
        (v128.store offset=16 (local.get $out)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x2) (local.get $x3)))
        (v128.store offset=32 (local.get $out)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1)))
        (v128.store offset=48 (local.get $out)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x2) (local.get $x3)))
        (local.set $r0 (i32.add (local.get $r0) (i32.const 16)))
        (local.set $r1 (i32.add (local.get $r1) (i32.const 16)))
        (local.set $r2 (i32.add (local.get $r2) (i32.const 16)))
        (local.set $r3 (i32.add (local.get $r3) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 64)))
        (local.set $p (i32.sub (local.get $p) (i32.const 2)))
        (br $pairs)))
      ;; An odd kc leaves one depth step.
      (if (local.get $p) (then
        (f64.store offset=0 (local.get $out) (f64.load (local.get $r0)))
        (f64.store offset=8 (local.get $out) (f64.load (local.get $r1)))
        (f64.store offset=16 (local.get $out) (f64.load (local.get $r2)))
        (f64.store offset=24 (local.get $out) (f64.load (local.get $r3)))
        (local.set $out (i32.add (local.get $out) (i32.const 32)))))
      (local.set $is (i32.add (local.get $is) (i32.const 1)))
      (br $strips))))
;; packB: row p of the block at src + p·ld bytes, kc rows of 4·nStrips doubles (columns past the
;; matrix zeroed by the caller); strip j goes to dst + j·kc·64, each depth step's four columns
;; followed by the same four pair-swapped.
  (func (export "packB")
    (param $src i32) (param $ld i32) (param $kc i32) (param $nStrips i32) (param $dst i32)
    (local $js i32) (local $p i32) (local $q i32) (local $out i32) (local $x v128) (local $y v128)
    (local.set $out (local.get $dst))
    (local.set $js (i32.const 0))
    (block $stripsDone (loop $strips
      (br_if $stripsDone (i32.ge_u (local.get $js) (local.get $nStrips)))
      (local.set $q (i32.add (local.get $src) (i32.mul (local.get $js) (i32.const 32))))
      (local.set $p (local.get $kc))
      (block $depthDone (loop $depth
        (br_if $depthDone (i32.eqz (local.get $p)))
        (local.set $x (v128.load offset=0 (local.get $q)))
        (local.set $y (v128.load offset=16 (local.get $q)))
        (v128.store offset=0 (local.get $out) (local.get $x))
        (v128.store offset=16 (local.get $out) (local.get $y))
        (v128.store offset=32 (local.get $out)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x)))
        (v128.store offset=48 (local.get $out)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y)))
        (local.set $q (i32.add (local.get $q) (local.get $ld)))
        (local.set $out (i32.add (local.get $out) (i32.const 64)))
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (br $depth)))
      (local.set $js (i32.add (local.get $js) (i32.const 1)))
      (br $strips))))
)
