import asyncio


async def my_coroutine():
    print(f"Начало выполнения задачи")
    await asyncio.sleep(1)
    print(f"Задача выполнена")


async def main():
    task = asyncio.create_task(my_coroutine())
    await task


asyncio.run(main())
