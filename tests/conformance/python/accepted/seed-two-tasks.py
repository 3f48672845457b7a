
import asyncio

async def task1():
    await asyncio.sleep(1)
    print("Задача 1 завершена")

async def task2():
    await asyncio.sleep(2)
    print("Задача 2 завершена")

async def main():
    # Создание нескольких задач
    task1_obj = asyncio.create_task(task1())
    task2_obj = asyncio.create_task(task2())
    
    # Начало выполнения всех задач и ожидание завершения 1ой задачи
    await task1_obj
    # Ожидание завершения 2ой задачи
    await task2_obj

asyncio.run(main())
