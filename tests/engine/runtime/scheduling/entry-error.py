import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def helper():
    await asyncio.sleep(1)
    raise ValueError('boom')


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    print(f"start")
    await helper()
    print(f"never")


asyncio.run(main())
