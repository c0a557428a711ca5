# Passing assertions (they must not print anything) mixed with output.


def check_sorted3(a: int, b: int, c: int) -> bool:
    assert a <= b, "first pair out of order"
    assert b <= c
    return True


def main() -> None:
    assert True
    assert 1 + 1 == 2, "math is broken"
    assert "abc" < "abd"
    assert 0.1 + 0.2 != 0.3
    print("asserts passed:", check_sorted3(1, 2, 3), check_sorted3(-5, -5, 0))
    total = 0
    for i in range(100):
        assert i >= 0
        total += i
    assert total == 4950, "wrong total"
    print("total", total)
    assert 5, "non-zero int is truthy"
    assert "x"
    print("done")


main()
