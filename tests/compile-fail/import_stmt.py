# error: 3:8: mgen does not provide module 'math' yet
x = 2
import math
print(x)
