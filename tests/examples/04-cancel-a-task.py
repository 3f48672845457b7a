import asyncio

_T0 = None


def _now():
    return asyncio.get_running_loop().time() - _T0


async def slow_job():
    print(f"[{_now():.1f}s] slow_job: started, going to sleep for 10 s")
    try:
        await asyncio.sleep(10)
        print(f"[{_now():.1f}s] slow_job: woke up")
    except asyncio.CancelledError:
        print(f"[{_now():.1f}s] slow_job: cancelled, cleaning up")
        raise


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    job = asyncio.create_task(slow_job(), name="slow-job")
    await asyncio.sleep(1)
    print(f"[{_now():.1f}s] main: job.done() = {job.done()}")
    job.cancel("taking too long")
    print(f"[{_now():.1f}s] main: cancel requested, job.cancelled() = {job.cancelled()}")
    try:
        await job
    except asyncio.CancelledError as e:
        print(f"[{_now():.1f}s] main: await job raised {e!r}")
    print(f"[{_now():.1f}s] main: job.cancelled() = {job.cancelled()}")


asyncio.run(main())
