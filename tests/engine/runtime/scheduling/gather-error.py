import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def ok(s):
    await asyncio.sleep(s)
    print(f"ok {s} done")
    return s


async def bad():
    await asyncio.sleep(1)
    raise ValueError('bad input')


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    slow = asyncio.create_task(ok(2))
    try:
        r = await asyncio.gather(ok(0.5), bad(), slow)
        print(f"never {r}")
    except ValueError as e:
        print(f"gather raised {e!r} at {_now():.1f}")
    v = await slow
    print(f"slow still finished: {v} at {_now():.1f}")
    all = await asyncio.gather(ok(0.5), bad(), return_exceptions=True)
    print(f"{all}")


asyncio.run(main())
