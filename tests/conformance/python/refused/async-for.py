import asyncio


async def ticks():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i


async def main():
    async for tick in ticks():
        print("tick", tick)


asyncio.run(main())
