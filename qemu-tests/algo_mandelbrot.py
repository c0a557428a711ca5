# ASCII-art Mandelbrot set with float arithmetic.

CHARS = " .:-=+*#%@"


def escape(cr: float, ci: float, limit: int) -> int:
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n


def main() -> None:
    width = 64
    height = 24
    limit = 60
    total = 0
    for row in range(height):
        ci = -1.2 + 2.4 * row / (height - 1)
        line = ""
        for col in range(width):
            cr = -2.1 + 2.7 * col / (width - 1)
            n = escape(cr, ci, limit)
            total += n
            if n >= limit:
                line += "@"
            else:
                line += CHARS[n % 9]
        print(line)
    print("total iterations:", total)
    print(escape(0.0, 0.0, 100), escape(1.0, 1.0, 100), escape(-0.75, 0.1, 1000), escape(0.25, 0.0, 500))


main()
