# error: 3:1: import is not supported
x = 2
import math
print(x)
