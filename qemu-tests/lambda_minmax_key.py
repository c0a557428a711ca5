# needs: list, tuple, dict, lambda, minmax-iter, sort-key
# min/max with key= (named builtin and lambdas); first of equal maxima wins;
# lambdas capturing a local variable.


def main() -> None:
    words = ["pear", "fig", "banana", "kiwi", "grapes"]
    print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
    pairs = [(3, "c"), (1, "z"), (2, "a"), (3, "b")]
    print(min(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
    xs = [4, -9, 2, 9, -4]
    print(max(xs, key=abs), min(xs, key=abs), max(xs, key=lambda v: -v))
    target = 5
    print(min(xs, key=lambda v: abs(v - target)), min(range(10), key=lambda v: (v - target) * (v - target)))
    d = {"a": 3, "b": 7, "c": 7}
    print(max(d, key=lambda k: d[k]), min(d.items(), key=lambda kv: kv[1]))


main()
