import asyncio


async def task1():
    await asyncio.sleep(1)
    print(f"Задача 1 завершена")


async def task2():
    await asyncio.sleep(2)
    print(f"Задача 2 завершена")


async def main():
    task1_obj = asyncio.create_task(task1())
    task2_obj = asyncio.create_task(task2())
    await task1_obj
    await task2_obj


asyncio.run(main())
