;; The float64 matrix-multiply micro-kernel of @nnkit/tensor, in WebAssembly SIMD (f64x2).
;; Built into src/kernels/gemm-wasm-binary.ts by `pnpm --filter @nnkit/tensor build:wasm`
;; (scripts/build-wasm.mjs); a test checks that the committed binary is this file's build.
;;
;; `block` computes C = Ã·B̃ for one packed block, the layout gemm.ts's packA/packB write:
;;   Ã: mStrips strips of 4 rows, each depth-major (for p in 0..kc: a[r0][p], a[r1][p], a[r2][p], a[r3][p]);
;;   B̃: nStrips strips of 4 columns, each depth-major (for p: b[p][c0], b[p][c1], b[p][c2], b[p][c3]);
;;   C: row-major (4·mStrips)×(4·nStrips), `ldc` bytes per row; each 4×4 tile is overwritten.
;; A tile keeps its 16 sums in 8 f64x2 registers (one pair per row): per step p it loads one row
;; of B̃'s strip (2 vectors) and splats each of the 4 A values, 16 multiply-adds in all.
;; All offsets are byte addresses into the exported memory, which the caller sizes and fills.
(module
  (memory (export "memory") 1)
  (func (export "block")
    (param $mStrips i32) (param $nStrips i32) (param $kc i32)
    (param $a i32) (param $b i32) (param $c i32) (param $ldc i32)
    (local $js i32) (local $is i32) (local $p i32)
    (local $ap i32) (local $bp i32) (local $cp i32) (local $bStrip i32)
    (local $aStripBytes i32) (local $bStripBytes i32)
    ;; $cR_L holds row R's columns 0,1 of the tile; $cR_H its columns 2,3.
    (local $c0_L v128) (local $c0_H v128) (local $c1_L v128) (local $c1_H v128)
    (local $c2_L v128) (local $c2_H v128) (local $c3_L v128) (local $c3_H v128)
    (local $bL v128) (local $bH v128) (local $x v128)
    (local.set $aStripBytes (i32.mul (local.get $kc) (i32.const 32)))
    (local.set $bStripBytes (i32.mul (local.get $kc) (i32.const 32)))
    (local.set $bStrip (local.get $b))
    (local.set $js (i32.const 0))
    (block $columnsDone (loop $columns
      (br_if $columnsDone (i32.ge_u (local.get $js) (local.get $nStrips)))
      (local.set $is (i32.const 0))
      (block $rowsDone (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $is) (local.get $mStrips)))
        (local.set $ap (i32.add (local.get $a) (i32.mul (local.get $is) (local.get $aStripBytes))))
        (local.set $bp (local.get $bStrip))
        (local.set $c0_L (v128.const i64x2 0 0)) (local.set $c0_H (v128.const i64x2 0 0))
        (local.set $c1_L (v128.const i64x2 0 0)) (local.set $c1_H (v128.const i64x2 0 0))
        (local.set $c2_L (v128.const i64x2 0 0)) (local.set $c2_H (v128.const i64x2 0 0))
        (local.set $c3_L (v128.const i64x2 0 0)) (local.set $c3_H (v128.const i64x2 0 0))
        (local.set $p (local.get $kc))
        (block $depthDone (loop $depth
          (br_if $depthDone (i32.eqz (local.get $p)))
          (local.set $bL (v128.load offset=0 (local.get $bp)))
          (local.set $bH (v128.load offset=16 (local.get $bp)))
          (local.set $x (v128.load64_splat offset=0 (local.get $ap)))
          (local.set $c0_L (f64x2.add (local.get $c0_L) (f64x2.mul (local.get $x) (local.get $bL))))
          (local.set $c0_H (f64x2.add (local.get $c0_H) (f64x2.mul (local.get $x) (local.get $bH))))
          (local.set $x (v128.load64_splat offset=8 (local.get $ap)))
          (local.set $c1_L (f64x2.add (local.get $c1_L) (f64x2.mul (local.get $x) (local.get $bL))))
          (local.set $c1_H (f64x2.add (local.get $c1_H) (f64x2.mul (local.get $x) (local.get $bH))))
          (local.set $x (v128.load64_splat offset=16 (local.get $ap)))
          (local.set $c2_L (f64x2.add (local.get $c2_L) (f64x2.mul (local.get $x) (local.get $bL))))
          (local.set $c2_H (f64x2.add (local.get $c2_H) (f64x2.mul (local.get $x) (local.get $bH))))
          (local.set $x (v128.load64_splat offset=24 (local.get $ap)))
          (local.set $c3_L (f64x2.add (local.get $c3_L) (f64x2.mul (local.get $x) (local.get $bL))))
          (local.set $c3_H (f64x2.add (local.get $c3_H) (f64x2.mul (local.get $x) (local.get $bH))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 32)))
          (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
          (local.set $p (i32.sub (local.get $p) (i32.const 1)))
          (br $depth)))
        ;; Store the tile at C[4·is][4·js].
        (local.set $cp (i32.add (local.get $c)
          (i32.add (i32.mul (i32.mul (local.get $is) (i32.const 4)) (local.get $ldc))
                   (i32.mul (local.get $js) (i32.const 32)))))
        (v128.store offset=0 (local.get $cp) (local.get $c0_L))
        (v128.store offset=16 (local.get $cp) (local.get $c0_H))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c1_L))
        (v128.store offset=16 (local.get $cp) (local.get $c1_H))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c2_L))
        (v128.store offset=16 (local.get $cp) (local.get $c2_H))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c3_L))
        (v128.store offset=16 (local.get $cp) (local.get $c3_H))
        (local.set $is (i32.add (local.get $is) (i32.const 1)))
        (br $rows)))
      (local.set $bStrip (i32.add (local.get $bStrip) (local.get $bStripBytes)))
      (local.set $js (i32.add (local.get $js) (i32.const 1)))
      (br $columns)))))
