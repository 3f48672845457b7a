import asyncio

async def child(n):
    raise ValueError(f"child {n}")

async def main():
    t1 = asyncio.create_task(child(1))
    asyncio.create_task(child(2))
    await asyncio.sleep(0.1)
    raise RuntimeError("main fails")

asyncio.run(main())
