"""Python that only renames Tusk's constructs.

Aliases, names imported from asyncio, print() with several arguments, keyword arguments,
a task awaited as soon as it is created, a bare except, docstrings and a __main__ guard.
"""
from __future__ import annotations

import asyncio as aio
from asyncio import sleep, gather, CancelledError as Cancelled


async def worker(label: str, pause: float, times: int) -> str:
    """Prints a few lines, sleeping between them.

    Returns its label, so that gather() has something to collect.
    """
    for i in range(times):
        print(label, "step", i)
        await sleep(pause)
    print(label, "done", sep=": ")
    return label


async def failing():
    await sleep(0.25)
    raise ValueError("boom")


async def sleeper():
    try:
        await aio.sleep(10)
    except Cancelled as e:
        print("sleeper cancelled:", repr(e))
        raise


async def main():
    first = await aio.create_task(worker(pause=0.5, label="first", times=2))
    print(f"{first=}")
    results = await gather(worker("a", 0.1, times=1), worker("b", pause=0.2, times=1),
                           failing(), return_exceptions=True)
    print(results)
    s = aio.ensure_future(sleeper())
    await sleep(0)
    s.cancel(msg="enough")
    try:
        await s
    except:
        print("main: sleeper ended,", s.cancelled())
    return await worker("last", 0, 1)


if __name__ == "__main__":
    aio.run(main())
