"""Deprecated call spellings kept for one release (see docs/api.md).

:func:`renamed_arguments` wraps a function whose signature follows the API convention and
accepts, for one release, the spellings it replaced: arguments that used to be given by
position and are now keyword-only, and keyword names that changed. Such a call gives the
identical result and a :class:`DeprecationWarning` naming the new spelling; a call in the new
spelling runs the function directly, without a warning.
"""
from __future__ import annotations

import functools
import inspect
import warnings
from typing import Callable, Mapping, Sequence, TypeVar

F = TypeVar("F", bound=Callable)


def _positional_count(fn: Callable) -> int:
    """How many arguments the signature of ``fn`` takes by position (``self`` included)."""
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(p.kind in kinds for p in inspect.signature(fn).parameters.values())


def renamed_arguments(*, positional: Sequence[str] = (),
                      keywords: Mapping[str, str] = None) -> Callable[[F], F]:
    """Decorator: accept the old spellings of a call for one release, with a warning.

    Parameters
    ----------
    positional : sequence of str
        The (new) names of the arguments that the old signature took by position after the
        ones the new signature still takes by position, in the old order. A call passing
        more positional arguments than the new signature takes maps the extra ones to these
        names, in order.
    keywords : mapping of str to str
        ``{old name: new name}`` of renamed arguments.

    Raises
    ------
    TypeError
        From the wrapped call: more positional arguments than the old signature took, or an
        argument given twice (in its old and its new spelling, or by position and by name).

    Warns
    -----
    DeprecationWarning
        Once per call in an old spelling, naming the function, the old spelling and the new
        one (``betweenness(): pass weight by keyword (weight=...); passing it by position is
        deprecated``), attributed to the caller's line.

    Examples
    --------
    >>> import warnings
    >>> @renamed_arguments(positional=("weight",), keywords={"s": "source"})
    ... def reach(net, source=None, *, weight=None):
    ...     return (net, source, weight)
    >>> reach("net", source="a", weight="volume")
    ('net', 'a', 'volume')
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     reach("net", "a", "volume"), reach("net", s="a")
    (('net', 'a', 'volume'), ('net', 'a', None))
    >>> [str(w.message) for w in caught]  # doctest: +NORMALIZE_WHITESPACE
    ['reach(): pass weight by keyword (weight=...); passing it by position is deprecated',
     'reach(): the argument s= is deprecated; use source=']
    """
    keywords = dict(keywords or {})
    positional = tuple(positional)

    def decorate(fn: F) -> F:
        n = _positional_count(fn)
        name = fn.__qualname__

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            if len(args) <= n and not (keywords and keywords.keys() & kwargs.keys()):
                return fn(*args, **kwargs)
            messages = []
            if len(args) > n:
                extra = args[n:]
                if len(extra) > len(positional):
                    raise TypeError(f"{name}() takes at most {n + len(positional)} positional "
                                    f"arguments ({len(args)} given)")
                moved = positional[:len(extra)]
                for key, value in zip(moved, extra):
                    if key in kwargs:
                        raise TypeError(f"{name}() got multiple values for argument {key!r}")
                    kwargs[key] = value
                args = args[:n]
                names = ", ".join(moved)
                spelled = ", ".join(f"{k}=..." for k in moved)
                messages.append(f"{name}(): pass {names} by keyword ({spelled}); passing "
                                f"{'it' if len(moved) == 1 else 'them'} by position is deprecated")
            for old, new in keywords.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{name}() got both {old}= (deprecated) and {new}=; "
                                        f"pass only {new}=")
                    kwargs[new] = kwargs.pop(old)
                    messages.append(f"{name}(): the argument {old}= is deprecated; use {new}=")
            for message in messages:
                warnings.warn(message, DeprecationWarning, stacklevel=2)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def renamed_function(new: Callable, old_name: str) -> Callable:
    """A deprecated alias ``old_name`` of ``new``: calls ``new`` with a
    :class:`DeprecationWarning` naming it.

    Examples
    --------
    >>> import warnings
    >>> def double(x):
    ...     return 2 * x
    >>> twice = renamed_function(double, "twice")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     twice(2)
    4
    >>> str(caught[0].message)
    'twice() is deprecated; use double()'
    """
    owner = new.__qualname__.rpartition(".")[0]
    old_qualname = f"{owner}.{old_name}" if owner else old_name
    message = f"{old_qualname}() is deprecated; use {new.__qualname__}()"

    @functools.wraps(new)
    def alias(*args, **kwargs):
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return new(*args, **kwargs)

    alias.__name__ = old_name
    alias.__qualname__ = old_qualname
    alias.__doc__ = (f"Deprecated alias of :{'meth' if owner else 'func'}:`{new.__name__}`, "
                     "kept for one release: it warns and calls it.")
    return alias
