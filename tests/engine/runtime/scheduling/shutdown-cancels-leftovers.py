import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"worker cancelled at shutdown")
        await asyncio.sleep(0)
        print(f"worker cleanup done")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    w = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print(f"main returns")


asyncio.run(main())
