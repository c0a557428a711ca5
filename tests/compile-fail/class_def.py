# error: 4:1: class definitions are not supported
x = 1

class Point:
    pass
