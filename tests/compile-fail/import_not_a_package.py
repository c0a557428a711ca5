# error: 3:8: ModuleNotFoundError: No module named 'cf_pkg.util.deeper'; 'cf_pkg.util' is not a package
# cf_pkg.util is a module, not a package.
import cf_pkg.util.deeper

print(4)
