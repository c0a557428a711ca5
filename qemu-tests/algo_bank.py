# needs: list, tuple, dict, unpack, fstring, sort-key, lambda, sum, minmax-iter, listcomp, sorted, slice, in
# A bank-account simulation: dict[str, list[tuple[str, int]]] of transaction
# histories (amounts in cents), deterministic pseudo-random operations,
# rejected overdrafts, monthly interest, and a final report.


def balance(hist: list[tuple[str, int]]) -> int:
    return sum([amt for _, amt in hist])


def apply(accounts: dict[str, list[tuple[str, int]]], kind: str, name: str, amt: int) -> bool:
    if name not in accounts:
        accounts[name] = []
    if kind == "withdraw" and balance(accounts[name]) < amt:
        return False
    accounts[name].append((kind, amt if kind == "deposit" or kind == "interest" else -amt))
    return True


def transfer(accounts: dict[str, list[tuple[str, int]]], a: str, b: str, amt: int) -> bool:
    if balance(accounts[a]) < amt:
        return False
    accounts[a].append(("xfer-out", -amt))
    accounts[b].append(("xfer-in", amt))
    return True


def cents(v: int) -> str:
    sign = "-" if v < 0 else ""
    v = abs(v)
    return f"{sign}${v // 100:,}.{v % 100:02d}"


def main() -> None:
    names = ["alice", "bob", "carol", "dave"]
    accounts: dict[str, list[tuple[str, int]]] = {}
    for n in names:
        apply(accounts, "deposit", n, 10000)
    seed = 2024
    rejected: dict[str, int] = {}
    for step in range(400):
        seed = (seed * 1103515245 + 12345) % 2147483648
        r = seed >> 4
        who = names[r % 4]
        amt = (r >> 3) % 5000 + 1
        op = (r >> 20) % 3
        ok = True
        if op == 0:
            ok = apply(accounts, "deposit", who, amt)
        elif op == 1:
            ok = apply(accounts, "withdraw", who, amt)
        else:
            ok = transfer(accounts, who, names[(r >> 7) % 4], amt)
        if not ok:
            rejected[who] = rejected.get(who, 0) + 1
        if step % 100 == 99:
            for n in names:
                b = balance(accounts[n])
                if b > 0:
                    apply(accounts, "interest", n, b * 5 // 1000)
    print(rejected)
    for n, hist in sorted(accounts.items(), key=lambda kv: -balance(kv[1])):
        kinds: dict[str, int] = {}
        for k, _ in hist:
            kinds[k] = kinds.get(k, 0) + 1
        print(f"{n:<6} {cents(balance(hist)):>12} {len(hist):>4} tx  {kinds}")
    richest = max(names, key=lambda n: balance(accounts[n]))
    total = sum([balance(h) for h in accounts.values()])
    print("richest:", richest, "total:", cents(total))
    print(accounts["bob"][:3], accounts["bob"][-2:])


main()
