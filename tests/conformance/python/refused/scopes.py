import asyncio


async def worker(n):
    await asyncio.sleep(n)


async def main():
    await job
    job = asyncio.create_task(worker(1))
    try:
        fast = asyncio.create_task(worker(0))
    finally:
        print(f"{fast.done()}")


asyncio.run(main())
