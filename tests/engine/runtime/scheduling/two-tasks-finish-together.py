import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def task1():
    await asyncio.sleep(1)
    print(f"task1 at {_now():.1f}")


async def task2():
    await asyncio.sleep(2)
    print(f"task2 at {_now():.1f}")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t1 = asyncio.create_task(task1())
    t2 = asyncio.create_task(task2())
    await t1
    print(f"main: t1 done at {_now():.1f}")
    await t2
    print(f"main: t2 done at {_now():.1f}")


asyncio.run(main())
