# needs: list, tuple, dict, set, nested, repr
# str()/repr()/print of nested containers exactly as CPython writes them,
# including quotes inside strings, floats, bools, empty containers, (1,).


def main() -> None:
    d = {"a": [1.0, 2.5], "b": []}
    print(d)
    print(str(d), repr(d), len(str(d)))
    print((1,), (), [(1, "a")], [[0], []], {(1, 2): 0})
    e: set[int] = set()
    print(e, repr(e), str(e), [e], {1: e})
    print(["it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nl\n"])
    print(repr("x"), repr("it's"), repr('"'), str("plain"), repr(""))
    print([1.0, -0.0, 1e16, 1.5e-10, float("inf"), float("nan")])
    print([True, False], (True,), {True: [False]})
    nested = {"k": {"inner": (1, [{"deep": 3}, {}])}}
    print(nested)
    print([["a", "b"], ["c"]], ("x", ("y", ("z",))))
    print(str([1, 2]) + "!", repr((1, 2)) + "?", str((1, "b")))
    print([{1, 2}, {3}], {"s": {5, 4}})


main()
