import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    print(f"start")
    raise asyncio.CancelledError('bye')


asyncio.run(main())
