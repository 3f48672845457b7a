import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def tiny():
    await asyncio.sleep(1e-10)
    print(f"tiny woke")


async def zero():
    await asyncio.sleep(0)
    print(f"zero hop 1")
    await asyncio.sleep(0)
    print(f"zero hop 2")
    await asyncio.sleep(0)
    print(f"zero hop 3")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(tiny())
    z = asyncio.create_task(zero())
    await t
    await z


asyncio.run(main())
