# In-place operators mutate the object: every alias sees the change.
# A small warehouse: shelves are lists, tags are sets, shared between
# records and indexes.


def restock(shelf: list[str], items: list[str]) -> None:
    # `+=` on a parameter extends the caller's list.
    shelf += items


def double_up(shelf: list[str]) -> None:
    shelf *= 2


def tag_all(tags: set[str], extra: set[str]) -> None:
    tags |= extra


def main() -> None:
    aisle_a: list[str] = ["bolts", "nuts"]
    front = aisle_a
    aisle_a += ["washers"]
    print("aisle a:", aisle_a)
    print("front view:", front)
    restock(front, ["rivets", "pins"])
    print("after restock:", aisle_a)
    aisle_a += ("clips", "hooks")
    aisle_a += "xy"
    print("tuple and str items:", aisle_a)
    counts: list[int] = [1, 2]
    view = counts
    counts += range(3, 6)
    print("range extend:", view)
    counts *= 2
    print("doubled:", view)
    empty = [7, 8]
    alias = empty
    empty *= 0
    print("cleared:", alias, len(empty))
    same = [1, 2]
    same += same
    print("self extend:", same)

    inventory: dict[str, list[int]] = {"screws": [10], "glue": [2]}
    screws = inventory["screws"]
    inventory["screws"] += [20, 30]
    inventory["glue"] *= 3
    print("inventory:", inventory)
    print("screws alias:", screws)

    tags: set[int] = {1, 2, 3}
    shared = tags
    tags |= {4, 5}
    print("union:", shared)
    tags &= {2, 3, 4, 9}
    print("intersection:", shared)
    tags -= {3}
    print("difference:", shared)
    tags ^= {4, 7, 8}
    print("symmetric:", shared)
    tags ^= tags
    print("self xor:", shared, len(tags))

    groups: list[set[str]] = [{"red"}, {"blue"}]
    first = groups[0]
    groups[0] |= {"green", "yellow"}
    print("group 0:", sorted(first))
    labels: set[str] = set()
    tag_all(labels, {"fragile"})
    tag_all(labels, {"heavy", "fragile"})
    print("labels:", sorted(labels))
    by_zone: dict[str, set[int]] = {"north": {1, 2}}
    north = by_zone["north"]
    by_zone["north"] -= {1}
    by_zone["north"] |= {5, 6}
    print("north:", north)

    rows = [["a"], ["b"]]
    first_row = rows[0]
    for r in rows:
        r += ["!"]
    print("rows:", rows, first_row)
    bins: list[list[int]] = [[1], [2]]
    double_up_ints = bins[1]
    bins[1] *= 3
    print("bins:", bins, double_up_ints)
    stack = ["x"]
    double_up(stack)
    double_up(stack)
    print("stack:", stack)


if __name__ == "__main__":
    main()
