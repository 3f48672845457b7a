import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def f():
    try:
        return 'from try'
    finally:
        print(f"finally after return")


async def g():
    try:
        raise RuntimeError('inner')
    except ValueError:
        print(f"not this")
    finally:
        print(f"finally while raising")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    r = await f()
    print(f"f returned {r!r}")
    try:
        await g()
    except Exception as e:
        print(f"caught {e!r}")


asyncio.run(main())
