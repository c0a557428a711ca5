# Monte Carlo estimation of pi with a hand-written linear congruential generator.

state = 12345


def next_rand() -> int:
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state


def rand_unit() -> float:
    return next_rand() / 2147483648.0


def xorshift(x: int) -> int:
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    return x & 0xFFFFFFFF


def main() -> None:
    global state
    for i in range(8):
        print("rand", next_rand())
    inside = 0
    trials = 40000
    for i in range(trials):
        x = rand_unit()
        y = rand_unit()
        if x * x + y * y < 1.0:
            inside += 1
    print("inside:", inside, "of", trials, "pi ~", 4.0 * inside / trials)
    state = 42
    buckets0 = 0
    buckets1 = 0
    buckets2 = 0
    buckets3 = 0
    for i in range(10000):
        r = next_rand() % 4
        if r == 0:
            buckets0 += 1
        elif r == 1:
            buckets1 += 1
        elif r == 2:
            buckets2 += 1
        else:
            buckets3 += 1
    print("buckets:", buckets0, buckets1, buckets2, buckets3)
    xs = 2463534242
    for i in range(10):
        xs = xorshift(xs)
        print("xorshift", xs, xs % 1000, xs / 4294967296.0)
    total = 0.0
    for i in range(1000):
        total += rand_unit()
    print("mean of 1000 uniforms:", total / 1000)


main()
