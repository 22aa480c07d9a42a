"""Numbers come from position, never from what was typed: "มิติที่ ๑", "๑.๑", "๑.๑.๑ (๑)", "๑.๒.๑"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..thai.digits import render_digits
from .model import Heading, Item, Node

DIMENSION_WORD = "มิติที่"


@dataclass(frozen=True)
class Numbered:
    node: Node
    number: str  # "มิติที่ ๑", "๑.๑", "๑.๑.๑ (๒)"
    depth: int  # 0 for a dimension
    path: tuple[int, ...]  # 1-based positions from the root
    dimension: int  # 0-based index of the dimension the node sits in

    @property
    def label(self) -> str:
        """Number and title as printed."""
        return f"{self.number} {self.node.title}".strip()


def number_for(path: tuple[int, ...], is_item: bool, digits: str = "thai") -> str:
    if len(path) == 1:
        text = f"{DIMENSION_WORD} {path[0]}"
    elif is_item and len(path) >= 4:
        # an item under a sub-section is counted in parentheses after its parent's number
        text = ".".join(map(str, path[:-1])) + f" ({path[-1]})"
    else:
        text = ".".join(map(str, path))
    return render_digits(text, digits)


def numbered(tree: Sequence[Node], digits: str = "thai") -> Iterator[Numbered]:
    """Every node of the tree in print order with its number (`report.tree`, a list of headings, or any
    heading's children)."""

    def visit(nodes: Sequence[Node], prefix: tuple[int, ...], dimension: int) -> Iterator[Numbered]:
        for pos, node in enumerate(nodes, start=1):
            path = prefix + (pos,)
            dim = pos - 1 if not prefix else dimension
            is_item = isinstance(node, Item)
            yield Numbered(node, number_for(path, is_item, digits), len(path) - 1, path, dim)
            if isinstance(node, Heading):
                yield from visit(node.children, path, dim)

    yield from visit(tree, (), 0)
