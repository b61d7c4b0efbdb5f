package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.quickstep.api.ExecutionListener;
import io.quickstep.api.ExecutionResult;
import io.quickstep.api.ExecutionStatus;
import io.quickstep.api.StateMachine;
import io.quickstep.error.StatesErrors;
import io.quickstep.task.TaskHandler;
import io.quickstep.vm.Clock;
import io.quickstep.vm.DataLimit;
import io.quickstep.vm.Driver;
import io.quickstep.vm.Execution;
import io.quickstep.vm.Frame;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One shard: a Disruptor ring consumed by one thread that owns every execution started on it. All
 * events of an execution (start, asynchronous task outcomes, stop) come through the ring; timers
 * (Wait, retry back-off, task and execution time limits) live on the shard's timer wheel. The thread
 * runs an agent duty cycle: poll the ring, poll the timers, idle when there was nothing to do. No
 * execution state is ever touched by another thread, so none of it is locked.
 */
final class Shard extends Driver implements Agent, EventPoller.Handler<ShardEvent>, DeadlineTimerWheel.TimerHandler {
    private static final Logger LOG = Logger.getLogger(Shard.class.getName());
    /** Events handled per duty cycle before the timers get their turn. */
    private static final int EVENT_BATCH = 256;
    private static final int TIMER_BATCH = 256;

    private final int index;
    private final RingBuffer<ShardEvent> ring;
    private final EventPoller<ShardEvent> poller;
    private final int startReserve;
    private final Clock clock;
    private final boolean pin;
    private final DeadlineTimerWheel wheel;
    /** Every pending timer by id: wheel ids are from 0 up, queue ids from -1 down. */
    private final Long2ObjectHashMap<ShardTimer> timers = new Long2ObjectHashMap<>();
    /** Timers of a whole number of seconds, by duration, each queue in firing order. */
    private final Long2ObjectHashMap<TimerQueue> queues = new Long2ObjectHashMap<>();
    /** The same queues in an array, walked on every duty cycle (a hash map's iterator scans its slots). */
    private TimerQueue[] queueList = new TimerQueue[0];
    private long nextQueuedTimerId = -1;
    /** The executions running on this shard. */
    private final RunningList running = new RunningList();
    /** Executions with frames made ready on this thread outside an event (see {@link #deliver}). */
    private final ArrayDeque<Execution> dirty = new ArrayDeque<>();
    private int eventsThisCycle;
    private boolean abortNewStarts;
    final ShardWakeup wakeup = new ShardWakeup();

    Shard(int index, int ringSize, Clock clock, boolean pin) {
        this.index = index;
        this.ring = RingBuffer.createMultiProducer(ShardEvent::new, ringSize);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        // Starts may not take the last eighth of the ring: task outcomes and stops always find room.
        this.startReserve = Math.max(1, ringSize / 8);
        this.clock = clock;
        this.pin = pin;
        this.wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, clock.millis(), 1, 1024);
    }

    // ---- any thread --------------------------------------------------------------------------

    /**
     * Offers a start to this shard; false when the ring has no room for another. The shard thread
     * makes the execution: objects the caller made would have to travel to the shard's core, one
     * cache miss each.
     *
     * @param name the execution's name, or null for the shard to make one
     * @param arn  its ARN when the caller made it (to return it), else null
     */
    boolean tryStart(StateMachine machine, JsonNode input, String name, String arn, TaskHandler tasks,
                     ExecutionListener listener, StateMachineMetrics metrics) {
        // Asked of the sequencer, which answers from its cached view of the shard's progress and
        // reads the shard's sequence (a cache line the shard thread writes) only when room is short.
        if (!ring.hasAvailableCapacity(startReserve + 1)) {
            return false;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        ShardEvent event = ring.get(sequence);
        event.kind = ShardEvent.START;
        event.machine = machine;
        event.input = input;
        event.name = name;
        event.arn = arn;
        event.tasks = tasks;
        event.listener = listener;
        event.metrics = metrics;
        event.acceptedNanos = System.nanoTime();
        ring.publish(sequence);
        wake();
        return true;
    }

    /** Asks the shard to stop an execution (if it still runs); waits for room if the ring is full. */
    void stop(String executionArn, String error, String cause) {
        ring.publishEvent((event, sequence, arn) -> {
            event.kind = ShardEvent.STOP;
            event.executionArn = arn;
            event.stopError = error;
            event.stopCause = cause;
        }, executionArn);
        wake();
    }

    /** Asks the shard to abort every execution it runs, and any it is asked to start after. */
    void abortAll() {
        ring.publishEvent((event, sequence) -> event.kind = ShardEvent.ABORT_ALL);
        wake();
    }

    /** An asynchronous task call ended: its outcome goes through the ring unless we are the shard. */
    @Override
    protected void deliver(Frame frame, int attempt, JsonNode result, Throwable error) {
        if (Thread.currentThread() == wakeup.thread) {
            taskCompleted(frame, attempt, result, error);
            dirty.add(frame.execution());
            return;
        }
        ring.publishEvent((event, sequence, f) -> {
            event.kind = ShardEvent.TASK_DONE;
            event.frame = f;
            event.attempt = attempt;
            event.result = result;
            event.error = error;
        }, frame);
        wake();
    }

    private void wake() {
        wakeup.wake();
    }

    /** Whether events wait in the ring (read by the idle strategy before it parks). */
    boolean hasEvents() {
        return ring.getCursor() > poller.getSequence().get();
    }

    // ---- the shard's thread ------------------------------------------------------------------

    @Override
    public void onStart() {
        wakeup.thread = Thread.currentThread();
        if (pin) {
            CpuPinning.pinCurrentThread(index % Runtime.getRuntime().availableProcessors());
        }
    }

    @Override
    public int doWork() throws Exception {
        eventsThisCycle = 0;
        poller.poll(this);
        int work = eventsThisCycle;
        long now = clock.millis();
        work += wheel.poll(now, this, TIMER_BATCH);
        work += expireQueued(now);
        return work;
    }

    @Override
    public String roleName() {
        return "quickstep-shard-" + index;
    }

    @Override
    public boolean onEvent(ShardEvent event, long sequence, boolean endOfBatch) {
        try {
            switch (event.kind) {
                case ShardEvent.START:
                    start(event);
                    break;
                case ShardEvent.TASK_DONE:
                    try {
                        taskCompleted(event.frame, event.attempt, event.result, event.error);
                    } catch (RuntimeException bug) {
                        failInternally(event.frame.execution(), bug);
                    }
                    dirty.add(event.frame.execution());
                    break;
                case ShardEvent.STOP:
                    RunningExecution target = running.find(event.executionArn);
                    if (target != null) {
                        end(target.execution, ExecutionStatus.ABORTED, event.stopError, event.stopCause);
                        settle(target.execution);
                    }
                    break;
                case ShardEvent.ABORT_ALL:
                    abortAll("States.Aborted", "The engine shut down before the execution ended");
                    break;
                default:
                    throw new IllegalStateException("unknown shard event " + event.kind);
            }
            drainDirty();
        } finally {
            event.clear();
        }
        return ++eventsThisCycle < EVENT_BATCH;
    }

    private void start(ShardEvent start) {
        JsonNode input = start.input;
        StateMachine machine = start.machine;
        Execution execution = new Execution(machine.name(), start.name != null ? start.name : Execution.randomId(),
                input, clock, start.tasks, machine.timeoutMillis(), start.arn);
        execution.countTransitions();
        RunningExecution r = new RunningExecution(execution, machine.program(), start.metrics, start.listener,
                start.acceptedNanos);
        execution.attachment = r;
        running.add(r);
        if (abortNewStarts) {
            end(execution, ExecutionStatus.ABORTED, "States.Aborted", "The engine shut down before the execution ended");
        } else {
            // Queued by the limit itself (whole seconds): starts arrive in near start order, so a
            // queue's first is at most a few milliseconds from being the earliest. Only the running
            // execution refers to it, so it needs no id in the timer map.
            r.deadline = new ShardTimer(0, execution.deadlineMillis(), ShardTimer.DEADLINE, null, 0, r);
            queue(execution.deadlineMillis() - execution.startMillis()).add(r.deadline);
            try {
                begin(execution, r.program, DataLimit.measure(input));
            } catch (RuntimeException bug) {
                failInternally(execution, bug);
            }
        }
        settle(execution);
    }

    /**
     * An engine defect surfaced while running an execution: the execution fails with
     * States.Runtime rather than being left unfinished, and the shard goes on.
     */
    private void failInternally(Execution execution, RuntimeException bug) {
        end(execution, ExecutionStatus.FAILED, "States.Runtime", "Internal error: " + bug);
    }

    /** Fires the queued timers that are due; each queue's first is its next. */
    private int expireQueued(long now) {
        int fired = 0;
        for (TimerQueue queue : queueList) {
            ShardTimer first;
            while ((first = queue.first()) != null && first.atMillis <= now) {
                queue.remove(first);
                if (first.kind != ShardTimer.DEADLINE) {
                    timers.remove(first.id);
                }
                fire(first);
                fired++;
            }
        }
        return fired;
    }

    @Override
    public boolean onTimerExpiry(TimeUnit timeUnit, long now, long timerId) {
        ShardTimer timer = timers.remove(timerId);
        if (timer != null) {
            fire(timer);
        }
        return true;
    }

    private void fire(ShardTimer timer) {
        if (timer.kind == ShardTimer.DEADLINE) {
            end(timer.execution.execution, ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
            settle(timer.execution.execution);
        } else {
            timerExpired(timer.kind, timer.frame, timer.token);
            dirty.add(timer.frame.execution());
            drainDirty();
        }
    }

    private void drainDirty() {
        Execution execution;
        while ((execution = dirty.poll()) != null) {
            try {
                runReady(execution);
            } catch (RuntimeException bug) {
                failInternally(execution, bug);
            }
            settle(execution);
        }
    }

    /** Finishes an execution that has a result: metrics, its waiter, and its bookkeeping. */
    private void settle(Execution execution) {
        ExecutionResult result = execution.result();
        RunningExecution r = (RunningExecution) execution.attachment;
        if (result == null || r == null || !running.remove(r)) {
            return;
        }
        if (r.deadline != null && r.deadline.queue != null) {
            r.deadline.queue.remove(r.deadline);
        }
        r.metrics.ended(result, System.nanoTime() - r.startNanos);
        try {
            r.listener.ended(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Quickstep: an execution listener failed", e);
        }
    }

    /** Shutdown: aborts every execution still running here, and any started after. */
    private void abortAll(String error, String cause) {
        abortNewStarts = true;
        RunningExecution r;
        while ((r = running.first()) != null) {
            end(r.execution, ExecutionStatus.ABORTED, error, cause);
            settle(r.execution);
        }
    }

    @Override
    protected long scheduleTimer(long atMillis, int kind, Frame frame, long token) {
        return schedule(atMillis, atMillis - clock.millis(), kind, frame, token);
    }

    /** A timer of whole seconds goes to the queue of its duration, any other to the wheel. */
    private long schedule(long atMillis, long duration, int kind, Frame frame, long token) {
        if (duration > 0 && duration % 1000 == 0) {
            ShardTimer timer = new ShardTimer(nextQueuedTimerId--, atMillis, kind, frame, token, null);
            queue(duration).add(timer);
            timers.put(timer.id, timer);
            return timer.id;
        }
        long id = wheel.scheduleTimer(atMillis);
        timers.put(id, new ShardTimer(id, atMillis, kind, frame, token, null));
        return id;
    }

    /** The queue of the timers of this duration, made on first use. */
    private TimerQueue queue(long duration) {
        TimerQueue queue = queues.get(duration);
        if (queue == null) {
            queue = new TimerQueue();
            queues.put(duration, queue);
            queueList = Arrays.copyOf(queueList, queueList.length + 1);
            queueList[queueList.length - 1] = queue;
        }
        return queue;
    }

    @Override
    protected void cancelTimer(long timerId) {
        ShardTimer timer = timers.remove(timerId);
        if (timer == null) {
            return;
        }
        if (timer.queue != null) {
            timer.queue.remove(timer);
        } else {
            wheel.cancelTimer(timerId);
        }
    }

    @Override
    protected boolean acceptsAsync() {
        return true;
    }
}
