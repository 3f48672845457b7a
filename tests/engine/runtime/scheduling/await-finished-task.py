import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def quick():
    return 7


async def other():
    print(f"other runs")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    q = asyncio.create_task(quick())
    await asyncio.sleep(0)
    o = asyncio.create_task(other())
    v = await q
    print(f"got {v} without suspending")
    w = await quick()
    print(f"direct call gave {w}")
    await o


asyncio.run(main())
