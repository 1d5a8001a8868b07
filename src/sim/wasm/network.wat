;; The Float64 kernels of a Network's passes in WebAssembly, on the network's own buffers
;; (views of this module's memory, laid out by src/sim/network-memory.ts): the dense affine
;; pass of kernels.ts and the live-unit passes of live-kernels.ts. Each computes exactly what
;; its JavaScript twin computes, in the same order of operations, so both give the same bits:
;; sums that are independent share a vector, one per lane, and no sum is ever split across
;; lanes or reassociated. WebAssembly has no fused multiply-add outside relaxed SIMD, which is
;; not used.
;;
;; Pointers are byte offsets. Unit lists are i32 unit indices, one row of n per example, with
;; one i32 count per example (the LiveUnits of live-kernels.ts).
;; `npm run build:wasm` assembles this file into network-module.ts; a unit test checks the two agree.
(module
  (memory (export "memory") 1 65536)

  ;; z = x · W + b for examples start…end, every unit taking part (affineForward): each sum
  ;; starts from the bias and adds the inputs' products in order. Eight outputs per block, as
  ;; four pairs of lanes read straight from a weight row, then pairs, then a last odd output.
  (func (export "affine")
    (param $x i32) (param $w i32) (param $b i32) (param $z i32)
    (param $start i32) (param $end i32) (param $nIn i32) (param $nOut i32)
    (local $rowBytes i32) (local $inBytes i32) (local $e i32) (local $xRow i32) (local $xEnd i32)
    (local $zRow i32) (local $i i32) (local $xp i32) (local $wp i32)
    (local $u v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $s f64)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 3)))
    (local.set $inBytes (i32.shl (local.get $nIn) (i32.const 3)))
    (local.set $e (local.get $start))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $xRow (i32.add (local.get $x) (i32.mul (local.get $e) (local.get $inBytes))))
        (local.set $xEnd (i32.add (local.get $xRow) (local.get $inBytes)))
        (local.set $zRow (i32.add (local.get $z) (i32.mul (local.get $e) (local.get $rowBytes))))
        (local.set $i (i32.const 0))
        (block $wideDone
          (loop $wide
            (br_if $wideDone (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $rowBytes)))
            (local.set $a0 (v128.load offset=0 (i32.add (local.get $b) (local.get $i))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $b) (local.get $i))))
            (local.set $a2 (v128.load offset=32 (i32.add (local.get $b) (local.get $i))))
            (local.set $a3 (v128.load offset=48 (i32.add (local.get $b) (local.get $i))))
            (local.set $xp (local.get $xRow))
            (local.set $wp (i32.add (local.get $w) (local.get $i)))
            (block $inputsDone
              (loop $inputs
                (br_if $inputsDone (i32.ge_u (local.get $xp) (local.get $xEnd)))
                (local.set $u (v128.load64_splat (local.get $xp)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $u) (v128.load offset=0 (local.get $wp)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $u) (v128.load offset=16 (local.get $wp)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $u) (v128.load offset=32 (local.get $wp)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $u) (v128.load offset=48 (local.get $wp)))))
                (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
                (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
                (br $inputs)))
            (v128.store offset=0 (i32.add (local.get $zRow) (local.get $i)) (local.get $a0))
            (v128.store offset=16 (i32.add (local.get $zRow) (local.get $i)) (local.get $a1))
            (v128.store offset=32 (i32.add (local.get $zRow) (local.get $i)) (local.get $a2))
            (v128.store offset=48 (i32.add (local.get $zRow) (local.get $i)) (local.get $a3))
            (local.set $i (i32.add (local.get $i) (i32.const 64)))
            (br $wide)))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $rowBytes)))
            (local.set $a0 (v128.load (i32.add (local.get $b) (local.get $i))))
            (local.set $xp (local.get $xRow))
            (local.set $wp (i32.add (local.get $w) (local.get $i)))
            (block $inputsDone
              (loop $inputs
                (br_if $inputsDone (i32.ge_u (local.get $xp) (local.get $xEnd)))
                (local.set $a0 (f64x2.add (local.get $a0)
                  (f64x2.mul (v128.load64_splat (local.get $xp)) (v128.load (local.get $wp)))))
                (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
                (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
                (br $inputs)))
            (v128.store (i32.add (local.get $zRow) (local.get $i)) (local.get $a0))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $pairs)))
        (if (i32.lt_u (local.get $i) (local.get $rowBytes))
          (then
            (local.set $s (f64.load (i32.add (local.get $b) (local.get $i))))
            (local.set $xp (local.get $xRow))
            (local.set $wp (i32.add (local.get $w) (local.get $i)))
            (block $inputsDone
              (loop $inputs
                (br_if $inputsDone (i32.ge_u (local.get $xp) (local.get $xEnd)))
                (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $xp)) (f64.load (local.get $wp)))))
                (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
                (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
                (br $inputs)))
            (f64.store (i32.add (local.get $zRow) (local.get $i)) (local.get $s))))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $examples))))

  ;; z = x · W + b for the live outputs of examples start…end, summing over live inputs only;
  ;; other outputs get z = 0 (forwardLive). Four outputs per block, held as two pairs of lanes.
  (func (export "forwardLive")
    (param $x i32) (param $w i32) (param $b i32) (param $z i32)
    (param $start i32) (param $end i32) (param $nIn i32) (param $nOut i32)
    (param $ins i32) (param $inCounts i32) (param $outs i32) (param $outCounts i32)
    (local $e i32) (local $xRow i32) (local $zRow i32) (local $insRow i32) (local $outsRow i32)
    (local $rowBytes i32) (local $cEnd i32) (local $cp i32) (local $t i32) (local $tEnd i32)
    (local $i0 i32) (local $i1 i32) (local $i2 i32) (local $i3 i32) (local $j i32) (local $r i32)
    (local $u v128) (local $s01 v128) (local $s23 v128) (local $s f64)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 3)))
    (local.set $e (local.get $start))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $xRow (i32.add (local.get $x) (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 3))))
        (local.set $zRow (i32.add (local.get $z) (i32.mul (local.get $e) (local.get $rowBytes))))
        (local.set $insRow (i32.add (local.get $ins) (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 2))))
        (local.set $outsRow (i32.add (local.get $outs) (i32.shl (i32.mul (local.get $e) (local.get $nOut)) (i32.const 2))))
        (local.set $cEnd (i32.add (local.get $insRow)
          (i32.shl (i32.load (i32.add (local.get $inCounts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        (local.set $tEnd (i32.add (local.get $outsRow)
          (i32.shl (i32.load (i32.add (local.get $outCounts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        (memory.fill (local.get $zRow) (i32.const 0) (local.get $rowBytes))
        (local.set $t (local.get $outsRow))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $t) (i32.const 16)) (local.get $tEnd)))
            (local.set $i0 (i32.shl (i32.load offset=0 (local.get $t)) (i32.const 3)))
            (local.set $i1 (i32.shl (i32.load offset=4 (local.get $t)) (i32.const 3)))
            (local.set $i2 (i32.shl (i32.load offset=8 (local.get $t)) (i32.const 3)))
            (local.set $i3 (i32.shl (i32.load offset=12 (local.get $t)) (i32.const 3)))
            (local.set $s01 (v128.load64_lane 1 (i32.add (local.get $b) (local.get $i1))
              (v128.load64_splat (i32.add (local.get $b) (local.get $i0)))))
            (local.set $s23 (v128.load64_lane 1 (i32.add (local.get $b) (local.get $i3))
              (v128.load64_splat (i32.add (local.get $b) (local.get $i2)))))
            (local.set $cp (local.get $insRow))
            (block $inputsDone
              (loop $inputs
                (br_if $inputsDone (i32.ge_u (local.get $cp) (local.get $cEnd)))
                (local.set $j (i32.load (local.get $cp)))
                (local.set $u (v128.load64_splat (i32.add (local.get $xRow) (i32.shl (local.get $j) (i32.const 3)))))
                (local.set $r (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rowBytes))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $u)
                  (v128.load64_lane 1 (i32.add (local.get $r) (local.get $i1))
                    (v128.load64_splat (i32.add (local.get $r) (local.get $i0)))))))
                (local.set $s23 (f64x2.add (local.get $s23) (f64x2.mul (local.get $u)
                  (v128.load64_lane 1 (i32.add (local.get $r) (local.get $i3))
                    (v128.load64_splat (i32.add (local.get $r) (local.get $i2)))))))
                (local.set $cp (i32.add (local.get $cp) (i32.const 4)))
                (br $inputs)))
            (v128.store64_lane 0 (i32.add (local.get $zRow) (local.get $i0)) (local.get $s01))
            (v128.store64_lane 1 (i32.add (local.get $zRow) (local.get $i1)) (local.get $s01))
            (v128.store64_lane 0 (i32.add (local.get $zRow) (local.get $i2)) (local.get $s23))
            (v128.store64_lane 1 (i32.add (local.get $zRow) (local.get $i3)) (local.get $s23))
            (local.set $t (i32.add (local.get $t) (i32.const 16)))
            (br $quads)))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $t) (local.get $tEnd)))
            (local.set $i0 (i32.shl (i32.load (local.get $t)) (i32.const 3)))
            (local.set $s (f64.load (i32.add (local.get $b) (local.get $i0))))
            (local.set $cp (local.get $insRow))
            (block $inputsDone
              (loop $inputs
                (br_if $inputsDone (i32.ge_u (local.get $cp) (local.get $cEnd)))
                (local.set $j (i32.load (local.get $cp)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul (f64.load (i32.add (local.get $xRow) (i32.shl (local.get $j) (i32.const 3))))
                    (f64.load (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rowBytes))) (local.get $i0))))))
                (local.set $cp (i32.add (local.get $cp) (i32.const 4)))
                (br $inputs)))
            (f64.store (i32.add (local.get $zRow) (local.get $i0)) (local.get $s))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $rest)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $examples))))

  ;; The backward pass through a layer above a hidden one (backwardLive): for examples
  ;; start…end it adds gW += xᵀ · δ_upper and gb += Σ δ_upper over live pairs, and writes
  ;; δ_lower = (δ_upper · Wᵀ) ⊙ factor ⊙ f′(z) for live lower units (0 for the others). The
  ;; factor is r, or `forgotten` for every unit when $honoured is 0; f′ is ReLU's step when
  ;; $relu is 1, else tanh's 1 − a². Four lower units per block, as two pairs of lanes.
  (func (export "backwardLive")
    (param $x i32) (param $upper i32) (param $w i32) (param $gw i32) (param $gb i32)
    (param $lower i32) (param $r i32) (param $z i32) (param $a i32)
    (param $nIn i32) (param $nOut i32)
    (param $ins i32) (param $inCounts i32) (param $outs i32) (param $outCounts i32)
    (param $honoured i32) (param $forgotten f64) (param $relu i32) (param $scratch i32)
    (param $start i32) (param $end i32)
    (local $e i32) (local $row i32) (local $dRow i32) (local $insRow i32) (local $outsRow i32)
    (local $rowBytes i32) (local $cp i32) (local $cEnd i32) (local $t i32) (local $tEnd i32)
    (local $sp i32) (local $i i32) (local $k i32) (local $p i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $u01 v128) (local $u23 v128) (local $s01 v128) (local $s23 v128) (local $d v128)
    (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32)
    (local $g v128) (local $u f64) (local $s f64) (local $df f64) (local $av f64) (local $derivative f64)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 3)))
    (local.set $e (local.get $start))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $row (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 3)))
        (local.set $dRow (i32.add (local.get $upper) (i32.mul (local.get $e) (local.get $rowBytes))))
        (local.set $insRow (i32.add (local.get $ins) (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 2))))
        (local.set $outsRow (i32.add (local.get $outs) (i32.shl (i32.mul (local.get $e) (local.get $nOut)) (i32.const 2))))
        (local.set $cEnd (i32.add (local.get $insRow)
          (i32.shl (i32.load (i32.add (local.get $inCounts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        (local.set $tEnd (i32.add (local.get $outsRow)
          (i32.shl (i32.load (i32.add (local.get $outCounts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        ;; the live upper δ, packed into scratch, and the bias gradients
        (local.set $t (local.get $outsRow))
        (local.set $sp (local.get $scratch))
        (block $packDone
          (loop $pack
            (br_if $packDone (i32.ge_u (local.get $t) (local.get $tEnd)))
            (local.set $i (i32.shl (i32.load (local.get $t)) (i32.const 3)))
            (local.set $df (f64.load (i32.add (local.get $dRow) (local.get $i))))
            (f64.store (local.get $sp) (local.get $df))
            (f64.store (i32.add (local.get $gb) (local.get $i))
              (f64.add (f64.load (i32.add (local.get $gb) (local.get $i))) (local.get $df)))
            (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $pack)))
        (memory.fill (i32.add (local.get $lower) (local.get $row)) (i32.const 0) (i32.shl (local.get $nIn) (i32.const 3)))
        (local.set $cp (local.get $insRow))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $cp) (i32.const 16)) (local.get $cEnd)))
            (local.set $q0 (i32.shl (i32.load offset=0 (local.get $cp)) (i32.const 3)))
            (local.set $q1 (i32.shl (i32.load offset=4 (local.get $cp)) (i32.const 3)))
            (local.set $q2 (i32.shl (i32.load offset=8 (local.get $cp)) (i32.const 3)))
            (local.set $q3 (i32.shl (i32.load offset=12 (local.get $cp)) (i32.const 3)))
            (local.set $p (i32.add (local.get $x) (local.get $row)))
            (local.set $u01 (v128.load64_lane 1 (i32.add (local.get $p) (local.get $q1))
              (v128.load64_splat (i32.add (local.get $p) (local.get $q0)))))
            (local.set $u23 (v128.load64_lane 1 (i32.add (local.get $p) (local.get $q3))
              (v128.load64_splat (i32.add (local.get $p) (local.get $q2)))))
            (local.set $r0 (i32.mul (local.get $q0) (local.get $nOut)))
            (local.set $r1 (i32.mul (local.get $q1) (local.get $nOut)))
            (local.set $r2 (i32.mul (local.get $q2) (local.get $nOut)))
            (local.set $r3 (i32.mul (local.get $q3) (local.get $nOut)))
            (local.set $s01 (v128.const f64x2 0 0))
            (local.set $s23 (v128.const f64x2 0 0))
            (local.set $t (local.get $outsRow))
            (local.set $sp (local.get $scratch))
            (block $outputsDone
              (loop $outputs
                (br_if $outputsDone (i32.ge_u (local.get $t) (local.get $tEnd)))
                (local.set $i (i32.shl (i32.load (local.get $t)) (i32.const 3)))
                (local.set $d (v128.load64_splat (local.get $sp)))
                (local.set $p (i32.add (local.get $w) (local.get $i)))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $d)
                  (v128.load64_lane 1 (i32.add (local.get $p) (local.get $r1))
                    (v128.load64_splat (i32.add (local.get $p) (local.get $r0)))))))
                (local.set $s23 (f64x2.add (local.get $s23) (f64x2.mul (local.get $d)
                  (v128.load64_lane 1 (i32.add (local.get $p) (local.get $r3))
                    (v128.load64_splat (i32.add (local.get $p) (local.get $r2)))))))
                (local.set $p (i32.add (local.get $gw) (local.get $i)))
                (local.set $g (f64x2.add
                  (v128.load64_lane 1 (i32.add (local.get $p) (local.get $r1))
                    (v128.load64_splat (i32.add (local.get $p) (local.get $r0))))
                  (f64x2.mul (local.get $u01) (local.get $d))))
                (v128.store64_lane 0 (i32.add (local.get $p) (local.get $r0)) (local.get $g))
                (v128.store64_lane 1 (i32.add (local.get $p) (local.get $r1)) (local.get $g))
                (local.set $g (f64x2.add
                  (v128.load64_lane 1 (i32.add (local.get $p) (local.get $r3))
                    (v128.load64_splat (i32.add (local.get $p) (local.get $r2))))
                  (f64x2.mul (local.get $u23) (local.get $d))))
                (v128.store64_lane 0 (i32.add (local.get $p) (local.get $r2)) (local.get $g))
                (v128.store64_lane 1 (i32.add (local.get $p) (local.get $r3)) (local.get $g))
                (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
                (local.set $t (i32.add (local.get $t) (i32.const 4)))
                (br $outputs)))
            (local.set $p (i32.add (local.get $lower) (local.get $row)))
            (v128.store64_lane 0 (i32.add (local.get $p) (local.get $q0)) (local.get $s01))
            (v128.store64_lane 1 (i32.add (local.get $p) (local.get $q1)) (local.get $s01))
            (v128.store64_lane 0 (i32.add (local.get $p) (local.get $q2)) (local.get $s23))
            (v128.store64_lane 1 (i32.add (local.get $p) (local.get $q3)) (local.get $s23))
            (local.set $cp (i32.add (local.get $cp) (i32.const 16)))
            (br $quads)))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $cp) (local.get $cEnd)))
            (local.set $q0 (i32.shl (i32.load (local.get $cp)) (i32.const 3)))
            (local.set $u (f64.load (i32.add (i32.add (local.get $x) (local.get $row)) (local.get $q0))))
            (local.set $r0 (i32.mul (local.get $q0) (local.get $nOut)))
            (local.set $s (f64.const 0))
            (local.set $t (local.get $outsRow))
            (local.set $sp (local.get $scratch))
            (block $outputsDone
              (loop $outputs
                (br_if $outputsDone (i32.ge_u (local.get $t) (local.get $tEnd)))
                (local.set $i (i32.add (i32.shl (i32.load (local.get $t)) (i32.const 3)) (local.get $r0)))
                (local.set $df (f64.load (local.get $sp)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul (local.get $df) (f64.load (i32.add (local.get $w) (local.get $i))))))
                (f64.store (i32.add (local.get $gw) (local.get $i))
                  (f64.add (f64.load (i32.add (local.get $gw) (local.get $i))) (f64.mul (local.get $u) (local.get $df))))
                (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
                (local.set $t (i32.add (local.get $t) (i32.const 4)))
                (br $outputs)))
            (f64.store (i32.add (i32.add (local.get $lower) (local.get $row)) (local.get $q0)) (local.get $s))
            (local.set $cp (i32.add (local.get $cp) (i32.const 4)))
            (br $rest)))
        ;; then the factor and f′ of every live lower unit
        (local.set $cp (local.get $insRow))
        (block $factorsDone
          (loop $factors
            (br_if $factorsDone (i32.ge_u (local.get $cp) (local.get $cEnd)))
            (local.set $k (i32.add (local.get $row) (i32.shl (i32.load (local.get $cp)) (i32.const 3))))
            (if (local.get $relu)
              (then (local.set $derivative
                (f64.convert_i32_u (f64.gt (f64.load (i32.add (local.get $z) (local.get $k))) (f64.const 0)))))
              (else
                (local.set $av (f64.load (i32.add (local.get $a) (local.get $k))))
                (local.set $derivative (f64.sub (f64.const 1) (f64.mul (local.get $av) (local.get $av))))))
            (local.set $p (i32.add (local.get $lower) (local.get $k)))
            (f64.store (local.get $p) (f64.mul (f64.load (local.get $p))
              (f64.mul
                (select (f64.load (i32.add (local.get $r) (local.get $k))) (local.get $forgotten) (local.get $honoured))
                (local.get $derivative))))
            (local.set $cp (i32.add (local.get $cp) (i32.const 4)))
            (br $factors)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $examples))))
)
