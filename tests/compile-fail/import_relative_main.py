# error: 3:1: ImportError: attempted relative import with no known parent package
# The entry module (__main__) is not in a package.
from . import cf_pkg

print(3)
