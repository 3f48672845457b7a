import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def job():
    return 'x'


async def ticker():
    for i in range(5):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    tk = asyncio.create_task(ticker())
    j1 = asyncio.create_task(job())
    await j1
    print(f"awaited task")
    j2 = asyncio.create_task(job())
    r = await asyncio.gather(j2)
    print(f"gathered {r}")
    await tk


asyncio.run(main())
