import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def worker(n):
    print(f"worker {n} starts")
    await asyncio.sleep(0)
    print(f"worker {n} resumes")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    a = asyncio.create_task(worker(1))
    b = asyncio.create_task(worker(2))
    print(f"main created both")
    await a
    print(f"main: a done")
    await b


asyncio.run(main())
