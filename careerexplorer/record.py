"""Immutable value records that cost nothing to define.

typing.NamedTuple and dataclasses both generate and compile code for every class they define;
a dozen of them cost several milliseconds of every start of the command. A Record reads its
fields from the class's annotations and keeps one generic __init__.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Self, dataclass_transform


@dataclass_transform(frozen_default=True)
class Record:
    """Fields are the class's annotations, defaults its class attributes. Immutable, compared by
    value, iterable like a tuple, with _fields and _replace as on a named tuple."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _required: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("__annotations__", {})
        own = tuple(name for name, kind in declared.items() if "ClassVar" not in str(kind))
        # A record that extends another has its fields first, then its own.
        cls._fields = (*cls._fields, *own)
        cls._required = cls._required | {name for name in own if name not in cls.__dict__}

    def __init__(self, *args: Any, **values: Any) -> None:
        if args:
            if len(args) > len(self._fields):
                raise TypeError(f"{type(self).__name__}: {len(args)} values for {len(self._fields)} fields")
            values = {**dict(zip(self._fields, args, strict=False)), **values}
        unknown = values.keys() - set(self._fields)
        missing = self._required - values.keys()
        if unknown or missing:
            problem = f"unexpected {', '.join(sorted(unknown))}" if unknown else f"missing {', '.join(sorted(missing))}"
            raise TypeError(f"{type(self).__name__}: {problem}")
        own = self.__dict__
        cls = type(self)
        for name in self._fields:
            own[name] = values[name] if name in values else getattr(cls, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __iter__(self) -> Iterator[Any]:
        return (self.__dict__[name] for name in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple(self)))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(" + ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self, strict=True)) + ")"
        )

    def _replace(self, **changes: Any) -> Self:
        return type(self)(**{**dict(zip(self._fields, self, strict=True)), **changes})
