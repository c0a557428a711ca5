//! Reference counting made explicit: inserts `IncRef`/`DecRef` into MIR
//! that has none, and a landing block on every error edge.
//!
//! The rules (the ownership model of docs/ARCHITECTURE.md):
//! - A temporary holding a new reference (most results; `Op::result_owned`)
//!   is released right after its last use, or on the edge where it stops
//!   being live; an instruction that takes it (`Use::Steal`) at its last use
//!   moves it, anywhere else it gets an increment first.
//! - A variable owns its value: it is incremented when taken (a variable
//!   read is a borrow), released when the variable is assigned again
//!   (`%v = op` becomes `%t = op; decref %v; %v = move %t`) and at every
//!   exit of the function (`return`, `propagate`). Parameters are owned by
//!   the callee.
//! - A borrowed temporary (a frozenset constant's cache, a constant) is
//!   never released, and incremented where it is taken.
//! - On an error edge every owned temporary still pending (live before the
//!   instruction, not taken by it, not live in the target) is released in a
//!   landing block of the edge's own, which first adds the traceback entry.
//!
//! Liveness is computed over the owned temporaries of reference-counted
//! types only; everything else needs no counts.

use super::*;
use std::collections::HashSet;

pub fn run(p: &mut Program) {
    for f in &mut p.functions {
        function(f);
    }
}

type Set = HashSet<LocalId>;

fn heap(f: &Function, l: LocalId) -> bool {
    f.locals[l].ty.is_heap()
}

/// Owned temporaries (of a counted type) and borrowed ones.
fn ownership(f: &Function) -> (Vec<bool>, Vec<bool>) {
    let n = f.locals.len();
    let mut owned = vec![false; n];
    let mut borrowed = vec![false; n];
    for b in &f.blocks {
        for i in &b.insts {
            for d in i.defs() {
                if f.locals[d].kind == LocalKind::Var || !heap(f, d) {
                    continue;
                }
                let is_elem = matches!(&i.op, Op::IterNext { elem, .. } if *elem == d);
                if is_elem || i.op.result_owned() {
                    owned[d] = true;
                } else {
                    borrowed[d] = true;
                }
            }
        }
    }
    for l in 0..n {
        assert!(
            !(owned[l] && borrowed[l]),
            "MIR {}: temp %{l} is both owned and borrowed",
            f.name
        );
    }
    (owned, borrowed)
}

/// Owned temporaries an operand list reads.
fn reads(ops: &[(&Operand, Use)], owned: &[bool]) -> Vec<LocalId> {
    ops.iter()
        .filter_map(|(o, _)| match o {
            Operand::Local(l) if owned[*l] => Some(*l),
            _ => None,
        })
        .collect()
}

fn term_operands(t: &Term) -> Vec<(&Operand, Use)> {
    match t {
        Term::Branch(c, _, _) => vec![(c, Use::Borrow)],
        Term::Return(Some(v)) => vec![(v, Use::Steal)],
        _ => vec![],
    }
}

fn successors(t: &Term) -> Vec<BlockId> {
    match t {
        Term::Goto(b) => vec![*b],
        Term::Branch(_, a, b) => vec![*a, *b],
        _ => vec![],
    }
}

/// live_in per block (owned temporaries), including error edges.
fn liveness(f: &Function, owned: &[bool]) -> Vec<Set> {
    let nb = f.blocks.len();
    let mut live_in: Vec<Set> = vec![Set::new(); nb];
    loop {
        let mut changed = false;
        for b in (0..nb).rev() {
            let blk = &f.blocks[b];
            let mut live: Set = Set::new();
            for s in successors(&blk.term) {
                live.extend(live_in[s].iter().copied());
            }
            for l in reads(&term_operands(&blk.term), owned) {
                live.insert(l);
            }
            for inst in blk.insts.iter().rev() {
                for d in inst.defs() {
                    live.remove(&d);
                }
                if let Some(e) = inst.err {
                    live.extend(live_in[e].iter().copied());
                }
                for l in reads(&inst.op.operands(), owned) {
                    live.insert(l);
                }
            }
            if live != live_in[b] {
                live_in[b] = live;
                changed = true;
            }
        }
        if !changed {
            return live_in;
        }
    }
}

fn inst(op: Op, line: u32, col: u32) -> Inst {
    Inst {
        dst: None,
        op,
        err: None,
        line,
        col,
    }
}

fn sorted(s: &Set) -> Vec<LocalId> {
    let mut v: Vec<LocalId> = s.iter().copied().collect();
    v.sort();
    v
}

/// What the pass relies on (docs/ARCHITECTURE.md, "The mid-level IR"):
/// no reference counting yet, and each `Temp` assigned by one instruction.
fn check_input(f: &Function) {
    let mut defs = vec![0u32; f.locals.len()];
    for blk in &f.blocks {
        for i in &blk.insts {
            assert!(
                !matches!(i.op, Op::IncRef(_) | Op::DecRef(_)),
                "MIR {}: reference counting before the refcount pass",
                f.name
            );
            for d in i.defs() {
                defs[d] += 1;
            }
        }
    }
    for (l, n) in defs.iter().enumerate() {
        assert!(
            f.locals[l].kind != LocalKind::Temp || *n <= 1,
            "MIR {}: temp %{l} assigned {n} times",
            f.name
        );
    }
}

fn function(f: &mut Function) {
    check_input(f);
    let (owned, borrowed) = ownership(f);
    let live_in = liveness(f, &owned);
    let heap_vars: Vec<LocalId> = (0..f.locals.len())
        .filter(|&l| f.locals[l].kind == LocalKind::Var && heap(f, l))
        .collect();
    let nb = f.blocks.len();
    // Edge blocks to add: (from block, successor) -> decrefs.
    let mut new_blocks: Vec<Block> = Vec::new();
    let mut rewritten: Vec<(Vec<Inst>, Term)> = Vec::with_capacity(nb);
    for b in 0..nb {
        let blk = f.blocks[b].clone();
        // live after each instruction, backward
        let mut live: Set = Set::new();
        for s in successors(&blk.term) {
            live.extend(live_in[s].iter().copied());
        }
        let live_end = live.clone();
        for l in reads(&term_operands(&blk.term), &owned) {
            live.insert(l);
        }
        let live_before_term = live.clone();
        let mut after: Vec<Set> = vec![Set::new(); blk.insts.len()];
        let mut before: Vec<Set> = vec![Set::new(); blk.insts.len()];
        for (k, i) in blk.insts.iter().enumerate().rev() {
            after[k] = live.clone();
            for d in i.defs() {
                live.remove(&d);
            }
            if let Some(e) = i.err {
                live.extend(live_in[e].iter().copied());
            }
            for l in reads(&i.op.operands(), &owned) {
                live.insert(l);
            }
            before[k] = live.clone();
        }
        let mut out: Vec<Inst> = Vec::new();
        for (k, mut i) in blk.insts.into_iter().enumerate() {
            let (line, col) = (i.line, i.col);
            let ops: Vec<(Operand, Use)> =
                i.op.operands()
                    .into_iter()
                    .map(|(o, u)| (o.clone(), u))
                    .collect();
            let self_var = i.dst.filter(|&d| f.locals[d].kind == LocalKind::Var);
            // Increments for what is taken but not ours to give.
            let mut moved: Set = Set::new();
            for (o, u) in &ops {
                if *u != Use::Steal {
                    continue;
                }
                match o {
                    Operand::Local(l) if owned[*l] => {
                        if after[k].contains(l) || moved.contains(l) {
                            out.push(inst(Op::IncRef(o.clone()), line, col));
                        } else {
                            moved.insert(*l);
                        }
                    }
                    Operand::Local(l) if borrowed[*l] => {
                        out.push(inst(Op::IncRef(o.clone()), line, col));
                    }
                    Operand::Local(l) if f.locals[*l].kind == LocalKind::Var && heap(f, *l) => {
                        // Taken from the variable being assigned: moved.
                        if Some(*l) == self_var && !moved.contains(l) {
                            moved.insert(*l);
                        } else {
                            out.push(inst(Op::IncRef(o.clone()), line, col));
                        }
                    }
                    Operand::Global(_) => out.push(inst(Op::IncRef(o.clone()), line, col)),
                    _ => {}
                }
            }
            // The error edge's landing block.
            if let Some(target) = i.err {
                let mut pending: Set = before[k].clone();
                for l in &moved {
                    pending.remove(l);
                }
                for l in &live_in[target] {
                    pending.remove(l);
                }
                let mut insts = vec![inst(Op::Traceback, line, col)];
                for l in sorted(&pending) {
                    insts.push(inst(Op::DecRef(Operand::Local(l)), line, col));
                }
                new_blocks.push(Block {
                    insts,
                    term: Term::Goto(target),
                    is_handler: true,
                    line,
                    col,
                });
                i.err = Some(nb + new_blocks.len() - 1);
            }
            // A variable's old value is released when it is assigned.
            let var_def = i
                .dst
                .filter(|&d| f.locals[d].kind == LocalKind::Var && heap(f, d));
            let stole_self = var_def.is_some_and(|v| moved.contains(&v));
            match var_def {
                Some(v) if !matches!(i.op, Op::IterNext { .. }) => {
                    let ty = f.locals[v].ty.clone();
                    f.locals.push(Local {
                        ty,
                        kind: LocalKind::Temp,
                        name: None,
                        line,
                    });
                    let t = f.locals.len() - 1;
                    i.dst = Some(t);
                    out.push(i);
                    if !stole_self {
                        out.push(inst(Op::DecRef(Operand::Local(v)), line, col));
                    }
                    out.push(Inst {
                        dst: Some(v),
                        op: Op::Move(Operand::Local(t)),
                        err: None,
                        line,
                        col,
                    });
                }
                _ => out.push(i),
            }
            // Release what this instruction was the last to read, and a
            // result nobody reads.
            let mut done: Vec<LocalId> = Vec::new();
            for (o, u) in &ops {
                if let Operand::Local(l) = o {
                    if owned[*l]
                        && *u == Use::Borrow
                        && !after[k].contains(l)
                        && !moved.contains(l)
                        && !done.contains(l)
                    {
                        done.push(*l);
                    }
                }
            }
            for d in out.last().map(|x| x.defs()).unwrap_or_default() {
                if d < owned.len() && owned[d] && !after[k].contains(&d) && !done.contains(&d) {
                    done.push(d);
                }
            }
            for l in done {
                out.push(inst(Op::DecRef(Operand::Local(l)), line, col));
            }
        }
        // The terminator: what it takes, what dies with it, the variables
        // at an exit, the edges.
        let mut term = blk.term.clone();
        let (line, col) = if blk.line != 0 {
            (blk.line, blk.col)
        } else {
            out.last().map(|i| (i.line, i.col)).unwrap_or((f.line, 0))
        };
        let tops: Vec<(Operand, Use)> = term_operands(&term)
            .into_iter()
            .map(|(o, u)| (o.clone(), u))
            .collect();
        let mut moved: Set = Set::new();
        for (o, u) in &tops {
            if *u != Use::Steal {
                continue;
            }
            match o {
                Operand::Local(l) if owned[*l] => {
                    moved.insert(*l);
                }
                Operand::Local(l)
                    if borrowed[*l] || (f.locals[*l].kind == LocalKind::Var && heap(f, *l)) =>
                {
                    out.push(inst(Op::IncRef(o.clone()), line, col));
                }
                Operand::Global(_) => out.push(inst(Op::IncRef(o.clone()), line, col)),
                _ => {}
            }
        }
        // Temporaries that die with the terminator (a returned value is
        // moved), then the variables at an exit.
        for l in sorted(&live_before_term) {
            if !live_end.contains(&l) && !moved.contains(&l) {
                out.push(inst(Op::DecRef(Operand::Local(l)), line, col));
            }
        }
        if matches!(term, Term::Return(_) | Term::Propagate) {
            for &v in &heap_vars {
                out.push(inst(Op::DecRef(Operand::Local(v)), line, col));
            }
        }
        // Edges: release what stops being live on each.
        match &mut term {
            Term::Goto(s) => {
                let dying: Set = live_end.difference(&live_in[*s]).copied().collect();
                for l in sorted(&dying) {
                    out.push(inst(Op::DecRef(Operand::Local(l)), line, col));
                }
            }
            Term::Branch(_, a, c) => {
                for succ in [a, c] {
                    let dying: Set = live_end.difference(&live_in[*succ]).copied().collect();
                    if dying.is_empty() {
                        continue;
                    }
                    let insts = sorted(&dying)
                        .into_iter()
                        .map(|l| inst(Op::DecRef(Operand::Local(l)), line, col))
                        .collect();
                    new_blocks.push(Block {
                        insts,
                        term: Term::Goto(*succ),
                        is_handler: false,
                        line,
                        col,
                    });
                    *succ = nb + new_blocks.len() - 1;
                }
            }
            _ => {}
        }
        rewritten.push((out, term));
    }
    for (b, (insts, term)) in rewritten.into_iter().enumerate() {
        f.blocks[b].insts = insts;
        f.blocks[b].term = term;
    }
    f.blocks.extend(new_blocks);
}
