import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def ticker(name, n):
    for i in range(n):
        print(f"{name} tick {i}")
        await asyncio.sleep(0)


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    a = asyncio.create_task(ticker('a', 3))
    b = asyncio.create_task(ticker('b', 2))
    await asyncio.sleep(0)
    print(f"main after one hop")
    await a
    await b
    print(f"main end")


asyncio.run(main())
