import asyncio


async def child(n):
    await asyncio.sleep(0)
    raise ValueError(f"child {n}")


async def helper(tasks):
    await asyncio.sleep(0.01)
    raise KeyError(len(tasks))


async def main():
    stray = asyncio.create_task(child(0))
    del_me = None
    tasks = [asyncio.create_task(child(i)) for i in range(1, 4)]
    await asyncio.sleep(0.01)
    await helper(tasks)


asyncio.run(main())
