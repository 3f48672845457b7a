import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def one():
    return 1


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    try:
        for _ in range(0):
            v = await one()
        print(f"{v}")
    except Exception as e:
        print(f"{e!r}")


asyncio.run(main())
