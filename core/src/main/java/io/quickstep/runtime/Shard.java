package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.error.StatesErrors;
import io.quickstep.error.UserCode;
import io.quickstep.events.EventBuffer;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.log.ExecutionLogs;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskHandler;
import io.quickstep.vm.BlockingCalls;
import io.quickstep.vm.DataLimit;
import io.quickstep.vm.Driver;
import io.quickstep.vm.Execution;
import io.quickstep.vm.Frame;
import io.quickstep.vm.TaskOutcome;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shard: a thread that owns every execution started on it, fed by a Disruptor ring of starts
 * and an inbox of everything else (task outcomes, stops, shutdown); timers (Wait, retry back-off,
 * task and execution time limits) live on the shard. The thread runs an agent duty cycle: poll
 * the ring, the inbox and the timers, give each execution with ready frames one slice, idle when
 * there was nothing to do. No execution state is ever touched by another thread, so none of it is
 * locked.
 *
 * <p>Back-pressure: the ring's slots are the shard's executions in flight. Its gating sequence is
 * the count of executions ended, so a start can claim a slot only while fewer than ring-size
 * executions are started and not ended; the claim ({@link RingBuffer#tryNext()}, one CAS) is the
 * capacity check. Everything that follows from an accepted execution (its task outcomes, a stop)
 * travels through the inbox, an unbounded lock-free queue bounded in practice by the work
 * accepted: it can never be full, so no thread ever waits to hand the shard something.
 *
 * <p>Nothing that outside code throws ends the thread: a handler's throwable fails its task, an
 * engine fault fails its execution (States.Runtime), a listener's is counted, and anything else
 * in the duty cycle is counted and the cycle goes on ({@link EngineErrors}).
 */
final class Shard extends Driver implements Agent, EventPoller.Handler<ShardEvent>, DeadlineTimerWheel.TimerHandler {
    /** Starts, inbox messages and timers handled per duty cycle before the rest get their turn. */
    private static final int BATCH = 256;
    /** The inbox message that aborts every execution (shutdown). */
    private static final Object ABORT_ALL = new Object();

    private final int index;
    /** The thread's name, and the driver's in the error log. */
    private final String roleName;
    private final RingBuffer<ShardEvent> ring;
    private final EventPoller<ShardEvent> poller;
    /** Executions ended, less one: the ring's gating sequence (see the class comment). */
    private final Sequence retired = new Sequence();
    /** Task outcomes, stops and shutdown, from any thread (the JDK's lock-free queue: Agrona's needs Unsafe). */
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final Clock clock;
    private final Account account;
    private final boolean pin;
    private final EngineErrors errors;
    private final BlockingCalls blockingCalls;
    /** Where the records of executions whose machines log go when they end. */
    private final ExecutionLogs logs;
    /** The engine's tasks that wait for an answer to their token. */
    private final Callbacks callbacks;
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
    /** Executions with frames ready to run: resumed by a timer or an outcome, or yielded. */
    private final ArrayDeque<RunningExecution> ready = new ArrayDeque<>();
    /** Event buffers of ended executions, cleared, for the next ones whose machines record events. */
    private final ArrayDeque<EventBuffer> eventBuffers = new ArrayDeque<>();
    private int eventsThisCycle;
    /** Set by shutdown on its own thread: starts still in the ring are aborted, not run. */
    private volatile boolean abortNewStarts;
    private volatile boolean terminating;
    final ShardWakeup wakeup = new ShardWakeup();
    /** What runs this shard on a host's thread, or null when it has a thread of its own. */
    final HostedRunner hosted;
    /** Duty cycles completed, for the watchdog. */
    private final AtomicLong cycles = new AtomicLong();
    private long cycleCount;
    /**
     * The synchronous call in progress on this thread, for the watchdog: the machine's id (high
     * half) and the state's counter + 1 (low half); 0 between calls. Numbers, not references: a
     * reference stored into this long-lived object on every call costs the GC's write barrier a
     * fence and a dirty card each time (measured: a tenth of the load tester's maximum rate).
     */
    private final AtomicLong call = new AtomicLong();

    /**
     * @param host the executor whose thread runs this shard ({@link HostedRunner}), or null for a
     *             thread of its own (an Agrona {@code AgentRunner} the caller starts)
     */
    Shard(int index, int maxInFlight, Clock clock, Account account, boolean pin, EngineErrors errors,
          BlockingCalls blockingCalls, ExecutionLogs logs, ScheduledExecutorService host, Callbacks callbacks) {
        this(index, "quickstep-shard-" + index, maxInFlight, clock, account, pin, errors, blockingCalls, logs, host,
                callbacks);
    }

    private Shard(int index, String roleName, int maxInFlight, Clock clock, Account account, boolean pin,
                  EngineErrors errors, BlockingCalls blockingCalls, ExecutionLogs logs, ScheduledExecutorService host,
                  Callbacks callbacks) {
        super(errors, roleName);
        this.roleName = roleName;
        this.index = index;
        // The shard polls and wakes itself (ShardWakeup); the default blocking wait strategy would
        // take a lock and notify on every publish for waiters that never exist (seen in profiles).
        this.ring = RingBuffer.createMultiProducer(ShardEvent::new, maxInFlight, new BusySpinWaitStrategy());
        this.poller = ring.newPoller();
        // Slots are free only when executions end: retired <= consumed always, so it alone gates.
        ring.addGatingSequences(retired);
        this.clock = clock;
        this.account = account;
        this.pin = pin;
        this.errors = errors;
        this.blockingCalls = blockingCalls;
        this.logs = logs;
        this.callbacks = callbacks;
        this.wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, clock.millis(), 1, 1024);
        this.hosted = host == null ? null : new HostedRunner(this, host);
    }

    // ---- any thread --------------------------------------------------------------------------

    /**
     * Offers a start to this shard; false when it has its most executions in flight. The shard
     * thread makes the execution: objects the caller made would have to travel to the shard's
     * core, one cache miss each.
     *
     * @param name the execution's name, or null for the shard to make one
     * @param arn  its ARN when the caller made it (to return it), else null
     * @param inputBytes the input's size in UTF-8 bytes as the caller had it, or -1 for the shard to measure it
     */
    boolean tryStart(CompiledMachine machine, JsonNode input, long inputBytes, String name, String arn,
                     TaskHandler tasks, ExecutionListener listener, StateMachineMetrics metrics) {
        long sequence;
        try {
            // The check and the claim in one: the sequencer's CAS succeeds only while a slot is free.
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        ShardEvent event = ring.get(sequence);
        event.machine = machine;
        event.input = input;
        event.name = name;
        event.arn = arn;
        event.tasks = tasks;
        event.listener = listener;
        event.metrics = metrics;
        event.inputBytes = inputBytes;
        event.acceptedNanos = System.nanoTime();
        ring.publish(sequence);
        wake();
        return true;
    }

    /** Asks the shard to stop an execution (if it still runs here); never waits. */
    void stop(String executionArn, String error, String cause) {
        post(new StopRequest(executionArn, error, cause));
    }

    /** Asks the shard to abort every execution it runs, and any it is asked to start after. */
    void abortAll() {
        abortNewStarts = true;
        post(ABORT_ALL);
    }

    /** Asks the thread to end after its current duty cycle. */
    void terminate() {
        terminating = true;
        wake();
    }

    /** An asynchronous task call ended, on any thread (this one included): its outcome goes to the inbox. */
    @Override
    protected void deliver(TaskOutcome outcome) {
        post(outcome);
    }

    private void post(Object message) {
        inbox.offer(message);
        wake();
    }

    private void wake() {
        if (hosted != null) {
            hosted.wake();
        } else {
            wakeup.wake();
        }
    }

    /**
     * Whether work waits for the thread, read by the idle strategy after it raised the idle flag.
     * The reads of the ring's cursor and the inbox's links are volatile, and the producers write
     * them with a CAS; see {@link ShardWakeup} for why that makes the handshake safe.
     */
    boolean hasEvents() {
        return ring.getCursor() > poller.getSequence().get() || !inbox.isEmpty() || terminating;
    }

    /** Whether executions yielded or were resumed and wait for their next slice; the shard's thread. */
    boolean hasReadyExecutions() {
        return !ready.isEmpty();
    }

    /**
     * When the next timer is due, in the clock's milliseconds, or {@link Long#MAX_VALUE} when none
     * is set; the shard's thread. The wheel does not say when its earliest timer is due, so while it
     * holds any this is the next tick.
     */
    long nextTimerMillis() {
        long next = wheel.timerCount() > 0 ? clock.millis() + 1 : Long.MAX_VALUE;
        for (TimerQueue queue : queueList) {
            ShardTimer first = queue.first();
            if (first != null && first.atMillis < next) {
                next = first.atMillis;
            }
        }
        return next;
    }

    long nowMillis() {
        return clock.millis();
    }

    /** Duty cycles completed so far (the watchdog compares two readings). */
    long cycles() {
        return cycles.get();
    }

    /** The synchronous call the thread is in (see {@link #call}), or 0. */
    long callInProgress() {
        return call.get();
    }

    Thread thread() {
        return wakeup.thread;
    }

    // ---- the shard's thread ------------------------------------------------------------------

    @Override
    public void onStart() {
        wakeup.thread = Thread.currentThread();
        if (pin && hosted == null) { // a host's thread is its owner's to pin
            CpuPinning.pinCurrentThread(index % Runtime.getRuntime().availableProcessors());
        }
    }

    @Override
    public int doWork() {
        // A handler may leave the thread interrupted (shutdown interrupts a stuck call): the
        // runner would take that as a request to stop, with work still queued.
        Thread.interrupted();
        int work = 0;
        try {
            eventsThisCycle = 0;
            poller.poll(this);
            work += eventsThisCycle;
            work += drainInbox();
            long now = clock.millis();
            work += wheel.poll(now, this, BATCH);
            work += expireQueued(now);
            work += runReadyExecutions();
        } catch (Throwable fault) {
            errors.record(EngineErrors.Kind.SHARD_FAULT, roleName(), fault);
            work++;
        }
        cycles.lazySet(++cycleCount);
        if (terminating) {
            throw new AgentTerminationException("shutdown", true);
        }
        return work;
    }

    @Override
    public String roleName() {
        return roleName;
    }

    /** A start from the ring. Never throws: the poller would read the same slot again. */
    @Override
    public boolean onEvent(ShardEvent event, long sequence, boolean endOfBatch) {
        try {
            start(event);
        } catch (Throwable fault) {
            errors.record(EngineErrors.Kind.SHARD_FAULT, roleName(), fault);
        }
        return ++eventsThisCycle < BATCH;
    }

    private void start(ShardEvent start) {
        CompiledMachine machine = start.machine;
        JsonNode input = start.input;
        String name = start.name;
        String arn = start.arn;
        TaskHandler tasks = start.tasks;
        ExecutionListener listener = start.listener;
        StateMachineMetrics metrics = start.metrics;
        long givenInputBytes = start.inputBytes;
        long acceptedNanos = start.acceptedNanos;
        // Cleared before the execution can end: its end retires the slot, and a producer may then
        // fill it with the next start at once; clearing it after that would wipe that start.
        start.clear();
        RunningExecution execution;
        try {
            execution = new RunningExecution(account, machine.name(), name != null ? name : ExecutionIds.random(),
                    input, clock, tasks, callbacks, machine.timeoutMillis(), arn, machine, metrics, listener, acceptedNanos);
            if (machine.recordsEvents()) {
                EventBuffer buffer = eventBuffers.poll();
                execution.recordEvents(buffer != null ? buffer : new EventBuffer());
            }
        } catch (Throwable bug) {
            unstartable(metrics, listener, acceptedNanos, bug);
            return;
        }
        running.add(execution);
        if (abortNewStarts) {
            end(execution, ExecutionStatus.ABORTED, StatesErrors.ABORTED, "The engine shut down before the execution ended");
        } else {
            // Queued by the limit itself (whole seconds): starts arrive in near start order, so a
            // queue's first is at most a few milliseconds from being the earliest. Only the running
            // execution refers to it, so it needs no id in the timer map.
            execution.deadline = new ShardTimer(0, execution.deadlineMillis(), ShardTimer.DEADLINE, null, 0, execution);
            queue(execution.deadlineMillis() - execution.startMillis()).add(execution.deadline);
            // The caller's size (the text as sent, which is what AWS holds against the limit) spares
            // walking the input; one over the limit, or none given, is measured as before, so an
            // input that is too large fails the execution exactly as it always has.
            long inputBytes = givenInputBytes;
            if (inputBytes < 0 || inputBytes > DataLimit.MAX_BYTES) {
                try {
                    inputBytes = DataLimit.measure(input);
                } catch (Throwable bug) {
                    failInternally(execution, null, bug);
                    inputBytes = 0;
                }
            }
            if (execution.result() == null && begin(execution, execution.machine.program(), inputBytes)) {
                enqueue(execution);
            }
        }
        settle(execution);
    }

    /**
     * A start the shard could not even make an execution of (an engine defect): it is still
     * accepted work, so it ends, FAILED, and is counted and told like any other.
     */
    private void unstartable(StateMachineMetrics metrics, ExecutionListener listener, long acceptedNanos, Throwable bug) {
        errors.record(EngineErrors.Kind.ENGINE_FAULT, roleName(), bug);
        long now = clock.millis();
        ExecutionResult result = new ExecutionResult(ExecutionStatus.FAILED, null, StatesErrors.RUNTIME,
                "Internal error: " + bug + " (the engine's error log has its stack trace)", now, now);
        retire();
        metrics.recordEnd(result, System.nanoTime() - acceptedNanos);
        tell(listener, result);
    }

    /** Starts every execution waiting in the ring, however many duty cycles' worth. */
    private void startAllQueued() {
        while (ring.getCursor() > poller.getSequence().get()) {
            eventsThisCycle = 0;
            try {
                poller.poll(this);
            } catch (Exception e) {
                throw new IllegalStateException("the start ring could not be read", e);
            }
        }
    }

    private int drainInbox() {
        int handled = 0;
        Object message;
        while (handled < BATCH && (message = inbox.poll()) != null) {
            handled++;
            if (message instanceof TaskOutcome) {
                TaskOutcome outcome = (TaskOutcome) message;
                taskCompleted(outcome);
                resumed((RunningExecution) outcome.execution());
            } else if (message instanceof StopRequest) {
                StopRequest stop = (StopRequest) message;
                RunningExecution target = running.find(stop.executionArn());
                if (target == null) {
                    // Its start may still wait in the ring: published before this stop was posted,
                    // but beyond what this cycle's poll took. Every start there is taken first.
                    startAllQueued();
                    target = running.find(stop.executionArn());
                }
                if (target != null) {
                    end(target, ExecutionStatus.ABORTED, stop.error(), stop.cause());
                    settle(target);
                }
            } else if (message == ABORT_ALL) {
                abortAll(StatesErrors.ABORTED, "The engine shut down before the execution ended");
            }
        }
        return handled;
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
            end(timer.execution, ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
            settle(timer.execution);
            return;
        }
        timerExpired(timer.kind, timer.frame, timer.token);
        resumed((RunningExecution) timer.frame.execution());
    }

    /** Something happened to an execution that may have made frames ready or ended it. */
    private void resumed(RunningExecution execution) {
        if (execution.result() != null) {
            settle(execution);
        } else {
            enqueue(execution);
        }
    }

    private void enqueue(RunningExecution execution) {
        if (!execution.queued) {
            execution.queued = true;
            ready.add(execution);
        }
    }

    /**
     * Gives each execution that was ready when the cycle began one slice; one that yields goes to
     * the back, so a loop of states shares the thread with everything else.
     */
    private int runReadyExecutions() {
        int count = ready.size();
        for (int i = 0; i < count; i++) {
            RunningExecution execution = ready.poll();
            execution.queued = false;
            if (execution.result() == null && runReady(execution)) {
                enqueue(execution);
            }
            settle(execution);
        }
        return count;
    }

    /** Finishes an execution that has a result: metrics, its waiter, and its bookkeeping. */
    private void settle(RunningExecution execution) {
        ExecutionResult result = execution.result();
        if (result == null || !running.remove(execution)) {
            return;
        }
        if (execution.deadline != null && execution.deadline.queue != null) {
            execution.deadline.queue.remove(execution.deadline);
        }
        retire();
        EventBuffer events = execution.takeEventBuffer();
        if (events != null) {
            CompiledMachine machine = execution.machine;
            if (machine.logging().enabled() && logs.shipping()) {
                logs.offer(machine.name(), machine.logging(), execution.arn(), result.events());
            }
            // The result holds its own copy of the events: the buffer serves the next execution.
            events.clear();
            eventBuffers.push(events);
        }
        execution.metrics.recordEnd(result, System.nanoTime() - execution.startNanos);
        tell(execution.listener, result);
    }

    /** One execution fewer in flight: its ring slot may take a new start. */
    private void retire() {
        retired.set(retired.get() + 1);
    }

    private void tell(ExecutionListener listener, ExecutionResult result) {
        try {
            listener.ended(result);
        } catch (Throwable e) {
            errors.record(EngineErrors.Kind.LISTENER, UserCode.describe(listener), e);
        }
    }

    /** Shutdown: aborts every execution still running here, and any started after. */
    private void abortAll(String error, String cause) {
        RunningExecution r;
        while ((r = running.first()) != null) {
            end(r, ExecutionStatus.ABORTED, error, cause);
            settle(r);
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
    protected BlockingCalls blockingCalls() {
        return blockingCalls;
    }

    @Override
    protected void calling(Frame frame) {
        RunningExecution execution = (RunningExecution) frame.execution();
        call.lazySet(((long) execution.machine.id() << 32) | (frame.stateCounter() + 1L));
    }

    @Override
    protected void called() {
        call.lazySet(0);
    }

    /**
     * A synchronous handler was interrupted: only shutdown interrupts a shard, to free a stuck
     * call. That execution is aborted; the shard goes on to abort the rest in order.
     */
    @Override
    protected void interrupted(Execution execution) {
        Thread.interrupted();
        end(execution, ExecutionStatus.ABORTED, StatesErrors.ABORTED,
                "The engine shut down while a task handler was running");
    }

    /** A request to stop one execution. */
    private record StopRequest(String executionArn, String error, String cause) {
    }
}
