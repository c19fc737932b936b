package dev.llmuptime.alert;

/**
 * Whether someone has taken on a firing episode: an acknowledged episode gets no more reminders or
 * escalations, and its RESOLVED is still sent. Until acknowledgements are recorded, none is.
 */
interface Acknowledgements {

    Acknowledgements NONE = alertId -> false;

    boolean acknowledged(String alertId);
}
