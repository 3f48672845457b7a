import asyncio


async def worker(n):
    await asyncio.sleep(n)


async def main():
    await job
    job = asyncio.create_task(worker(1, 2))
    await asyncio.gather(worker(x=1))
    print(f"{job.result()}")
    print(f"{now}")


asyncio.run(main())
