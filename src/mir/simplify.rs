//! Control-flow cleanup after `refcount`: jumps to a block that only jumps
//! on go straight to its target, and blocks nothing reaches are removed
//! (the builder leaves some behind: the block after a `return` or `break`,
//! loop exits nothing takes). The blocks keep their order; block 0 stays
//! the entry. Runs after `refcount` because that pass splits error edges
//! into landing blocks and adds the decrefs that make some empty blocks
//! non-empty.

use super::*;

pub fn run(p: &mut Program) {
    for f in &mut p.functions {
        function(f);
    }
}

fn function(f: &mut Function) {
    // Where a block that is only `goto X` (with no instructions) finally
    // goes; a cycle of such blocks (an empty `while True: pass`) is left.
    let n = f.blocks.len();
    let forward = |b: BlockId| -> BlockId {
        let mut cur = b;
        for _ in 0..n {
            let blk = &f.blocks[cur];
            match blk.term {
                Term::Goto(next) if blk.insts.is_empty() && next != cur => cur = next,
                _ => return cur,
            }
        }
        b
    };
    let target: Vec<BlockId> = (0..n).map(forward).collect();
    for blk in &mut f.blocks {
        retarget(blk, |b| target[b]);
    }
    // Reachable from the entry (normal and error edges).
    let mut seen = vec![false; n];
    let mut stack = vec![0];
    seen[0] = true;
    while let Some(b) = stack.pop() {
        for s in successors(&f.blocks[b]) {
            if !seen[s] {
                seen[s] = true;
                stack.push(s);
            }
        }
    }
    let mut new_id = vec![usize::MAX; n];
    let mut k = 0;
    for (b, &live) in seen.iter().enumerate() {
        if live {
            new_id[b] = k;
            k += 1;
        }
    }
    let old = std::mem::take(&mut f.blocks);
    for (b, mut blk) in old.into_iter().enumerate() {
        if seen[b] {
            retarget(&mut blk, |x| new_id[x]);
            f.blocks.push(blk);
        }
    }
}

/// The blocks `blk` can go to: its error edges and its terminator's.
fn successors(blk: &Block) -> Vec<BlockId> {
    let mut v: Vec<BlockId> = blk.insts.iter().filter_map(|i| i.err).collect();
    match &blk.term {
        Term::Goto(x) => v.push(*x),
        Term::Branch(_, x, y) => v.extend([*x, *y]),
        Term::Return(_) | Term::Propagate | Term::Unreachable => {}
    }
    v
}

fn retarget(blk: &mut Block, map: impl Fn(BlockId) -> BlockId) {
    for i in &mut blk.insts {
        if let Some(e) = &mut i.err {
            *e = map(*e);
        }
    }
    match &mut blk.term {
        Term::Goto(x) => *x = map(*x),
        Term::Branch(_, x, y) => {
            *x = map(*x);
            *y = map(*y);
        }
        Term::Return(_) | Term::Propagate | Term::Unreachable => {}
    }
}
