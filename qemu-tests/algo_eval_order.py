# Python evaluates every argument, left to right, before a call, and runs a
# generator expression lazily, interleaved with whatever consumes it. An
# audit log records the order in which a pricing engine asks for values.

log: list[str] = []


def ask(what: str, value: int) -> int:
    log.append(what)
    return value


def asks(what: str, values: list[int]) -> list[int]:
    log.append(what)
    return values


def flush(title: str) -> None:
    print(title + ":", " -> ".join(log))
    log.clear()


def main() -> None:
    prices = {"tea": 3, "cake": 5}
    # Defaults are evaluated even when the key is present.
    p = prices.get("tea", ask("tea default", 0))
    q = prices.setdefault("cake", ask("cake default", 1))
    r = prices.pop("scone", ask("scone default", 2))
    print(p, q, r, prices)
    flush("defaults")

    best = max([], default=ask("no offers", -1))
    top = max([4, 9, 2], default=ask("unused default", -1))
    print(best, top)
    flush("max defaults")

    print(ask("item", 3) in asks("catalogue", [1, 2, 3]))
    print(ask("item", 7) not in asks("catalogue", [1, 2, 3]))
    flush("membership")

    menu = {1, 2, 3, 4}
    print({ask("a", 1), ask("b", 2)}.issubset(menu))
    print(menu.issuperset({ask("c", 3)}))
    flush("subsets")

    print(ask("count", 2) * asks("pattern", [0, 1]))
    print(asks("left", [1]) + asks("right", [2]))
    flush("operands")

    # any() stops at the first true element; all() at the first false.
    print(any(ask("check " + str(x), x) > 2 for x in [1, 3, 5]))
    print(all(ask("verify " + str(x), x) < 3 for x in [1, 3, 5]))
    flush("short circuit")

    total = sum((ask("line " + str(x), x) for x in asks("lines", [1, 2])), ask("start", 100))
    print(total)
    flush("sum")

    order = sorted((ask("key " + str(x), x) for x in asks("basket", [3, 1])), reverse=ask("flag", 1) > 0)
    print(order)
    flush("sorted")

    for y in (ask("produce " + str(x), x * 10) for x in range(5) if x % 2 == 0):
        log.append("consume " + str(y))
        if y >= 20:
            break
    else:
        log.append("never")
    flush("lazy loop")

    for i, y in enumerate(ask("gen " + str(x), x) for x in [7, 8]):
        log.append(str(i) + ":" + str(y))
    flush("enumerate")

    words = [w for w in (ask("word " + str(n), n) for n in [4, 5])]
    print(words, "".join(str(ask("digit " + str(n), n)) for n in [6, 7]))
    flush("consumers")


main()
