import asyncio


async def child():
    raise ValueError("never retrieved")


async def main():
    asyncio.create_task(child())
    await asyncio.sleep(0)
    raise RuntimeError("the entry fails")


asyncio.run(main())
