# error: 3:8: importing modules is not supported yet (module 'cf_pkg.util')
# cf_pkg/util.py exists beside this file: found, but not compiled yet.
import cf_pkg.util

print(2)
